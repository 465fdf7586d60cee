package io.quarkiverse.lakebase.it;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The orders API of the AppKit Lakebase example, on a Quarkus datasource. */
@Path("/orders")
public class OrderResource {

    private final OrderRepository orders;

    public OrderResource(OrderRepository orders) {
        this.orders = orders;
    }

    @POST
    public Response place(NewOrder order) throws SQLException {
        if (order == null || order.userId() == null || order.product() == null || order.quantity() < 1) {
            throw new BadRequestException("userId, product and a positive quantity are required");
        }
        Order placed = orders.insert(order);
        return Response.created(URI.create("/orders/" + placed.id())).entity(placed).build();
    }

    @GET
    public List<Order> list(@QueryParam("userId") String userId) throws SQLException {
        if (userId == null) {
            throw new BadRequestException("userId is required");
        }
        return orders.findByUser(userId);
    }

    @GET
    @Path("/backend")
    public int backend() throws SQLException {
        return orders.backendPid();
    }
}
