package com.sharewise.node.config;

/**
 * One setting: its key in {@code conf/sharewise.yaml}, the environment variable that overrides it,
 * its default and a description for the operations guide.
 *
 * @param key dotted YAML path, e.g. {@code http.port}
 * @param env environment variable, e.g. {@code SHAREWISE_HTTP_PORT}
 * @param defaultValue used when neither the file nor the environment sets it ({@code ""} = unset)
 * @param secret whether the value must never be printed
 * @param description one line for operators
 */
public record Setting(
    String key, String env, String defaultValue, boolean secret, String description) {}
