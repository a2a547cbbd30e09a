-- Memedesk journal, schema 2: the trading mode every order was made in (demo, dry-run, live), so
-- the history tells paper money from real money. Orders from schema 1 were all demo orders.
ALTER TABLE orders ADD COLUMN mode TEXT NOT NULL DEFAULT 'demo';
