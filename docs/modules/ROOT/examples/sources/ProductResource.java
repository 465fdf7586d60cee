package io.quarkiverse.lakebase.it;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The product catalog, with Panache entities on the same Lakebase datasource as the orders. */
@Path("/products")
public class ProductResource {

    // tag::persist[]
    @POST
    @Transactional
    public Response add(NewProduct product) {
        if (product == null || product.name() == null || product.name().isBlank() || product.unitPrice() == null
                || product.unitPrice().compareTo(BigDecimal.ZERO) < 0) {
            throw new BadRequestException("name and a unit price of at least zero are required");
        }
        Product added = new Product();
        added.name = product.name();
        added.unitPrice = product.unitPrice();
        added.persistAndFlush();
        return Response.created(URI.create("/products/" + added.id)).entity(added).build();
    }
    // end::persist[]

    @GET
    public List<Product> list() {
        return Product.listByName();
    }

    @GET
    @Path("/{id}")
    public Product get(@PathParam("id") long id) {
        return Product.<Product> findByIdOptional(id).orElseThrow(NotFoundException::new);
    }
}
