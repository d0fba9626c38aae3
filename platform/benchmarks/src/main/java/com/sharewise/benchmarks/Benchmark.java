package com.sharewise.benchmarks;

/** One benchmark: runs its workload and adds its figures to the results. */
public interface Benchmark {

  /** Short name used on the command line and in the results. */
  String name();

  /** Runs the workload; adds figures to {@code results}. */
  void run(Results results) throws Exception;
}
