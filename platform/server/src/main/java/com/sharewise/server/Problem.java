package com.sharewise.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem document, the body of every error response ({@code
 * application/problem+json}).
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this case, in words a user can act on
 * @param instance the request path
 * @param requestId the id that also appears in the logs for this request
 * @param errors field-level details (e.g. line numbers of bad CSV rows), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    Map<String, Object> errors) {

  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";
}
