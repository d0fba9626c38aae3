package com.sharewise.server.ws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a WebSocket upgrade request carries, for the {@link WebSocketAuthenticator}. Browsers cannot
 * set an {@code Authorization} header on a WebSocket, so a token usually comes as a query parameter
 * (e.g. {@code /ws?access_token=…}) or a cookie.
 *
 * @param uri the request URI, including the query
 * @param headers request headers; {@link #header} looks names up ignoring case
 * @param queryParameters decoded query parameters
 * @param subProtocols the offered {@code Sec-WebSocket-Protocol} values
 * @param remoteAddress the peer, for logs and audit
 */
public record HandshakeRequest(
    URI uri,
    Map<String, List<String>> headers,
    Map<String, List<String>> queryParameters,
    List<String> subProtocols,
    String remoteAddress) {

  public HandshakeRequest {
    TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> caseless.put(name, List.copyOf(values)));
    headers = java.util.Collections.unmodifiableMap(caseless);
    queryParameters = Map.copyOf(queryParameters);
    subProtocols = List.copyOf(subProtocols);
  }

  /** The first value of a header (name ignoring case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The first value of a query parameter, or null. */
  public String queryParameter(String name) {
    List<String> values = queryParameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
