#pragma once

#include "adapters/binance/binancevenue.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace adapters::binance {

class BinanceMarketData;
class BinanceOrderRouter;
class BinanceRestClient;
class BinanceSigner;
class BinanceUserStream;

//! The parts of a BinanceVenue, built and used on its I/O thread only.
class BinanceVenueWorker final : public QObject {
    Q_OBJECT
public:
    //! Only keeps the settings: build() makes the parts, on the I/O thread.
    explicit BinanceVenueWorker(BinanceSettings settings, std::function<void(engine::Decimal)> onTakerFeeRate = {});
    ~BinanceVenueWorker() override;
    void build();

    [[nodiscard]] QString setupError() const { return m_setupError; }
    void addMarketSink(engine::MarketDataSink *sink);
    void setExecutionSink(engine::ExecutionSink *sink);
    void startMarketData();
    void setSymbols(const QStringList &symbols);
    void stopMarketData();
    void submit(const engine::OrderRequest &request);
    void cancel(const QString &clientId, const QString &symbol);
    void query(const QString &clientId, const QString &symbol);
    void requestBalances();
    void requestOpenOrders();

private:
    void refuse(const QString &clientId);
    void publishHealth();

    BinanceSettings m_settings;
    std::function<void(engine::Decimal)> m_onTakerFeeRate;
    QString m_setupError;
    std::unique_ptr<BinanceSigner> m_signer;
    std::unique_ptr<BinanceRestClient> m_rest;
    std::unique_ptr<BinanceMarketData> m_market;
    std::unique_ptr<BinanceUserStream> m_user;
    std::unique_ptr<BinanceOrderRouter> m_router;
    engine::ExecutionSink *m_sink = nullptr;
    QTimer *m_healthTimer = nullptr;
};

} // namespace adapters::binance
