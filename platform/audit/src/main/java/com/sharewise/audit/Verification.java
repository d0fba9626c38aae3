package com.sharewise.audit;

/**
 * The outcome of checking the whole chain.
 *
 * @param intact whether every entry's hash matches its content and its predecessor
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first entry that does not match (or that is missing), or null
 * @param detail a sentence for operators
 */
public record Verification(boolean intact, long entries, Long firstBrokenSeq, String detail) {}
