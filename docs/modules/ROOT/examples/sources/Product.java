package io.quarkiverse.lakebase.it;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;

/**
 * A product of the catalog that orders name, kept with Hibernate ORM with Panache on the Lakebase datasource. Its table
 * and id sequence come from the Flyway migration {@code V2__products.sql}.
 */
// tag::entity[]
@Entity
@Table(name = "products")
public class Product extends PanacheEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    /** The PostgreSQL role that inserted the row, filled in by the database. */
    @Generated
    @Column(name = "created_by", insertable = false, updatable = false)
    public String createdBy;

    public static List<Product> listByName() {
        return listAll(Sort.by("name").and("id"));
    }
}
// end::entity[]
