package com.sharewise.orders.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sharewise.api.trading.OrderModification;
import com.sharewise.api.trading.OrderSide;
import com.sharewise.api.trading.OrderStatus;
import com.sharewise.api.trading.OrderType;
import com.sharewise.api.trading.Product;
import com.sharewise.api.trading.Validity;
import com.sharewise.orders.Algorithm;
import com.sharewise.orders.Order;
import com.sharewise.orders.OrderCommand;
import com.sharewise.orders.OrderEvent;
import com.sharewise.orders.OrderQuery;
import com.sharewise.orders.OrderService;
import com.sharewise.orders.Orders;
import com.sharewise.rules.RiskGate;
import com.sharewise.server.ApiException;
import com.sharewise.server.JsonMapper;
import com.sharewise.server.Roles;
import com.sharewise.server.security.AuthenticatedUser;
import com.sharewise.server.security.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/orders}: place, list, inspect, modify and cancel orders; approve or decline the
 * ones workflow rules held. Traders act on their own accounts; risk officers read every order and
 * decide held ones. Thin: the order path is {@link OrderService}.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public final class OrderResource {

  private static final ObjectMapper EVENTS = JsonMapper.create();

  private final OrderService service;
  private final RiskGate risk;
  private final Access access;

  public OrderResource(Orders orders) {
    this.service = orders.service();
    this.risk = orders.risk();
    this.access = new Access(orders.accounts());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TRADER)
  @RateLimited("orders")
  public Response place(
      OrderRequests.Place body,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    if (body == null) {
      throw ApiException.badRequest("send the order as JSON");
    }
    if (body.accountId() == null) {
      throw ApiException.badRequest("accountId is required");
    }
    if (body.quantity() == null) {
      throw ApiException.badRequest("quantity is required");
    }
    access.requireOwner(user, body.accountId());
    String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey : null;
    if (key != null
        && body.clientOrderId() != null
        && !body.clientOrderId().isBlank()
        && !key.equals(body.clientOrderId())) {
      throw ApiException.badRequest("Idempotency-Key and clientOrderId differ; send one of them");
    }
    OrderCommand command =
        new OrderCommand(
            body.accountId(),
            key != null ? key : body.clientOrderId(),
            Parse.instrument(body.instrument()),
            Parse.enumValue(OrderSide.class, "side", body.side(), null),
            body.quantity(),
            Parse.enumValue(OrderType.class, "type", body.type(), null),
            body.price(),
            body.triggerPrice(),
            Parse.enumValue(Product.class, "product", body.product(), Product.CNC),
            Parse.enumValue(Validity.class, "validity", body.validity(), Validity.DAY),
            Errors.call(() -> Algorithm.parse(body.algorithm())),
            body.algorithmParameters(),
            "",
            user.username());
    OrderService.Placement placement = Errors.call(() -> service.submit(command));
    OrderDto dto = OrderDto.of(placement.order());
    if (placement.repeated()) {
      return Response.ok(dto).header("Idempotent-Replayed", "true").build();
    }
    return Response.created(URI.create("orders/" + dto.id())).entity(dto).build();
  }

  @GET
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public List<OrderDto> list(@BeanParam OrderListParams params, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    Set<Long> accounts = access.visible(user, params.accountId);
    if (accounts != null && accounts.isEmpty()) {
      return List.of();
    }
    Set<OrderStatus> wanted = EnumSet.noneOf(OrderStatus.class);
    for (String s : params.statuses) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          wanted.add(Parse.enumValue(OrderStatus.class, "status", part, null));
        }
      }
    }
    if (Parse.flag("open", params.open)) {
      for (OrderStatus s : OrderStatus.values()) {
        if (!s.isFinal()) {
          wanted.add(s);
        }
      }
    }
    OrderQuery query =
        Errors.call(
            () ->
                new OrderQuery(
                    accounts,
                    wanted,
                    params.instrument == null || params.instrument.isBlank()
                        ? null
                        : Parse.instrument(params.instrument),
                    blankToNull(params.strategyId),
                    blankToNull(params.parentId),
                    Parse.instant("from", params.from),
                    Parse.instant("to", params.to),
                    params.limit));
    return service.query(query).stream().map(OrderDto::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.TRADER, Roles.RISK_OFFICER, Roles.ADMIN})
  public Map<String, Object> detail(@PathParam("id") String id, @Context SecurityContext security) {
    Order order = visibleOrder(id, Access.caller(security));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("order", OrderDto.of(order));
    detail.put("history", service.history(id).stream().map(OrderResource::event).toList());
    detail.put(
        "fills",
        service.fills(Set.of(order.accountId()), 1000).stream()
            .filter(f -> f.orderId().equals(id))
            .map(FillDto::of)
            .toList());
    detail.put(
        "children",
        service
            .query(
                new OrderQuery(Set.of(order.accountId()), null, null, null, id, null, null, 1000))
            .stream()
            .map(OrderDto::of)
            .toList());
    if (!order.decision().id().isEmpty()) {
      risk.explain(order.decision().id()).ifPresent(e -> detail.put("explanation", e));
    }
    return detail;
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.TRADER)
  @RateLimited("orders")
  public OrderDto modify(
      @PathParam("id") String id, OrderRequests.Modify body, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    Order order = ownOrder(id, user);
    if (body == null
        || body.quantity() == null && body.price() == null && body.triggerPrice() == null) {
      throw ApiException.badRequest("send at least one of quantity, price, triggerPrice");
    }
    return OrderDto.of(
        Errors.call(
            () ->
                service.modify(
                    order.id(),
                    new OrderModification(body.quantity(), null, body.price(), body.triggerPrice()),
                    user.username())));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.TRADER)
  public OrderDto cancel(@PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    Order order = ownOrder(id, user);
    return OrderDto.of(Errors.call(() -> service.cancel(order.id(), user.username(), null)));
  }

  @POST
  @Path("{id}/approve")
  @RolesAllowed(Roles.RISK_OFFICER)
  public OrderDto approve(@PathParam("id") String id, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    visibleOrder(id, user);
    return OrderDto.of(Errors.call(() -> service.release(id, user.username())));
  }

  @POST
  @Path("{id}/decline")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.RISK_OFFICER)
  public OrderDto decline(
      @PathParam("id") String id, OrderRequests.Reason body, @Context SecurityContext security) {
    AuthenticatedUser user = Access.caller(security);
    visibleOrder(id, user);
    return OrderDto.of(
        Errors.call(() -> service.decline(id, user.username(), body == null ? "" : body.reason())));
  }

  private Order visibleOrder(String id, AuthenticatedUser user) {
    Order order = service.find(id).orElseThrow(() -> ApiException.notFound("no order " + id));
    if (!access.maySee(user, order.accountId())) {
      throw ApiException.notFound("no order " + id);
    }
    return order;
  }

  private Order ownOrder(String id, AuthenticatedUser user) {
    Order order = service.find(id).orElseThrow(() -> ApiException.notFound("no order " + id));
    if (!access.own(user).contains(order.accountId())) {
      throw ApiException.notFound("no order " + id);
    }
    return order;
  }

  /** An event with its {@code type} (CREATED, SUBMITTING, FILLED…), as the journal names it. */
  private static JsonNode event(OrderEvent event) {
    return EVENTS.valueToTree(event);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
