-- Memedesk journal, schema 4: a MARKET order sized by amount (Binance quoteOrderQty) keeps the
-- amount it may spend or receive; its quantity is what the exchange executed. Every earlier order
-- was sized by quantity.
ALTER TABLE orders ADD COLUMN quote_qty TEXT NOT NULL DEFAULT '0';
