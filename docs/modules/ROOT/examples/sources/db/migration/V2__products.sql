-- the catalog, mapped by the Panache entity Product; Hibernate ORM reads and writes it but never changes the schema.
-- products_seq is the id sequence Hibernate expects of a PanacheEntity on table products (it allocates ids by 50)
CREATE SEQUENCE app.products_seq INCREMENT BY 50;

CREATE TABLE app.products (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    unit_price NUMERIC(10, 2) NOT NULL,
    -- the role that inserted the row: the one that logged in with a minted token
    created_by TEXT NOT NULL DEFAULT current_user
);
