-- Memedesk journal, schema 1.
-- Applied by adapters/storage/migrator.cpp inside one transaction; do not put BEGIN/COMMIT here.
-- Every price, quantity and amount is TEXT written by Decimal::toString() and read back with
-- Decimal::parse, so values round-trip exactly (no REAL in money paths).
-- Timestamps are INTEGER milliseconds since the Unix epoch (UTC).

CREATE TABLE orders (
    client_id      TEXT    PRIMARY KEY NOT NULL,
    venue_order_id TEXT    NOT NULL DEFAULT '',
    symbol         TEXT    NOT NULL,
    side           TEXT    NOT NULL,            -- BUY | SELL
    type           TEXT    NOT NULL,            -- MARKET | LIMIT
    qty            TEXT    NOT NULL,
    limit_price    TEXT    NOT NULL,
    filled_qty     TEXT    NOT NULL,
    avg_price      TEXT    NOT NULL,
    fees           TEXT    NOT NULL,
    status         TEXT    NOT NULL,            -- engine::toString(OrderStatus)
    reduce_only    INTEGER NOT NULL DEFAULT 0,
    strategy       TEXT    NOT NULL DEFAULT '',
    reason         TEXT    NOT NULL DEFAULT '',
    created_ms     INTEGER NOT NULL,
    updated_ms     INTEGER NOT NULL
);
CREATE INDEX orders_created ON orders (created_ms);
CREATE INDEX orders_symbol_created ON orders (symbol, created_ms);
CREATE INDEX orders_symbol_side_created ON orders (symbol, side, created_ms);
-- Open orders are read at every start for reconciliation.
CREATE INDEX orders_status ON orders (status);

-- Append-only: one row each time an order's status or filled quantity changes.
CREATE TABLE order_events (
    id             INTEGER PRIMARY KEY,
    client_id      TEXT    NOT NULL,
    ts_ms          INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    filled_qty     TEXT    NOT NULL,
    avg_price      TEXT    NOT NULL,
    venue_order_id TEXT    NOT NULL DEFAULT '',
    reason         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX order_events_client ON order_events (client_id, id);
CREATE INDEX order_events_ts ON order_events (ts_ms);

-- fill_id is unique per venue: inserting the same fill again is ignored.
CREATE TABLE fills (
    fill_id    TEXT    PRIMARY KEY NOT NULL,
    client_id  TEXT    NOT NULL,
    symbol     TEXT    NOT NULL,
    side       TEXT    NOT NULL,
    price      TEXT    NOT NULL,
    qty        TEXT    NOT NULL,
    fee        TEXT    NOT NULL,
    fee_asset  TEXT    NOT NULL DEFAULT '',
    is_maker   INTEGER NOT NULL DEFAULT 0,
    ts_ms      INTEGER NOT NULL
);
-- History view filters: time alone, symbol, symbol + side, side alone; newest first.
CREATE INDEX fills_ts ON fills (ts_ms);
CREATE INDEX fills_symbol_ts ON fills (symbol, ts_ms);
CREATE INDEX fills_symbol_side_ts ON fills (symbol, side, ts_ms);
CREATE INDEX fills_side_ts ON fills (side, ts_ms);
CREATE INDEX fills_client ON fills (client_id);

CREATE TABLE positions (
    symbol       TEXT    PRIMARY KEY NOT NULL,
    qty          TEXT    NOT NULL,
    avg_price    TEXT    NOT NULL,
    realized_pnl TEXT    NOT NULL,
    fees         TEXT    NOT NULL,
    last_price   TEXT    NOT NULL,
    peak_price   TEXT    NOT NULL,
    cost_basis   TEXT    NOT NULL DEFAULT '0',
    opened_ms    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE balances (
    asset TEXT PRIMARY KEY NOT NULL,
    free  TEXT NOT NULL
);

CREATE TABLE signals (
    id               INTEGER PRIMARY KEY,
    ts_ms            INTEGER NOT NULL,
    symbol           TEXT    NOT NULL,
    price            TEXT    NOT NULL,
    score            REAL    NOT NULL,
    action           TEXT    NOT NULL,
    momentum         REAL    NOT NULL,
    rsi              REAL    NOT NULL,
    volume_z         REAL    NOT NULL,
    mention_velocity REAL    NOT NULL,
    sentiment        REAL    NOT NULL,
    unique_authors   INTEGER NOT NULL,
    liquidity_change REAL    NOT NULL,
    liquidity_pulled INTEGER NOT NULL,
    explanation      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX signals_ts ON signals (ts_ms);
CREATE INDEX signals_symbol_ts ON signals (symbol, ts_ms);

CREATE TABLE equity (
    id     INTEGER PRIMARY KEY,
    ts_ms  INTEGER NOT NULL,
    equity TEXT    NOT NULL,
    cash   TEXT    NOT NULL
);
CREATE INDEX equity_ts ON equity (ts_ms);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
