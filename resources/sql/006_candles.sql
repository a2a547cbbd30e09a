-- Memedesk journal, schema 6: the closed candles a session traded on, so a recorded demo or live
-- session can be replayed through a backtest (memedesk backtest --journal). One row per symbol,
-- interval and open time; prices as exact decimal text.
CREATE TABLE candles (
    symbol       TEXT    NOT NULL,
    interval_sec INTEGER NOT NULL,
    open_time_ms INTEGER NOT NULL,
    open         TEXT    NOT NULL,
    high         TEXT    NOT NULL,
    low          TEXT    NOT NULL,
    close        TEXT    NOT NULL,
    volume       TEXT    NOT NULL,
    PRIMARY KEY (symbol, interval_sec, open_time_ms)
) WITHOUT ROWID;
