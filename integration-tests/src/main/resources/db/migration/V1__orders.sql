CREATE TABLE app.orders (
    id BIGSERIAL PRIMARY KEY,
    user_id TEXT NOT NULL,
    product TEXT NOT NULL,
    quantity INT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
