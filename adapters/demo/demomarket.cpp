#include "adapters/demo/demomarket.h"

#include "adapters/demo/demomarketworker.h"

#include <QDateTime>

namespace adapters::demo {

DemoMarket::DemoMarket(quint64 seed, double speed, int warmUpMinutes, qint64 startMs, QObject *parent)
    : QObject(parent)
    , m_seed(seed)
    , m_warmUpMinutes(std::max(0, warmUpMinutes))
    , m_startMs((startMs > 0 ? startMs : QDateTime::currentMSecsSinceEpoch()) / 1000 * 1000) // simulated seconds are whole
    , m_worker(new DemoMarketWorker(seed, m_startMs, m_warmUpMinutes, speed))
{
    m_thread.setObjectName(QStringLiteral("demo-market"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

DemoMarket::~DemoMarket()
{
    m_thread.quit();
    m_thread.wait();
}

QString DemoMarket::venue() const { return QStringLiteral("demo"); }

QString DemoMarket::sourceName() const { return QStringLiteral("demo"); }

QString DemoMarket::chainName() const { return QStringLiteral("demo"); }

void DemoMarket::addMarketSink(engine::MarketDataSink *sink) { m_worker->addMarketSink(sink); }

void DemoMarket::addSocialSink(engine::SocialSink *sink) { m_worker->addSocialSink(sink); }

void DemoMarket::addChainSink(engine::ChainSink *sink) { m_worker->addChainSink(sink); }

void DemoMarket::startMarketData()
{
    DemoMarketWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->start(); }, Qt::QueuedConnection);
}

void DemoMarket::stopMarketData()
{
    DemoMarketWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->stop(); }, Qt::QueuedConnection);
}

void DemoMarket::setSpeed(double speed) { m_worker->setSpeed(speed); }

double DemoMarket::speed() const { return m_worker->speed(); }

qint64 DemoMarket::simTimeMs() const { return m_worker->simTimeMs(); }

bool DemoMarket::isRunning() const { return m_worker->isRunning(); }

void DemoMarket::resumeAt(qint64 simMs) { m_worker->setResumeAt(simMs); }

void DemoMarket::setStepGate(std::function<bool()> settled) { m_worker->setStepGate(std::move(settled)); }

void DemoMarket::inspect(const std::function<void(const MarketSimulator *)> &f) const { m_worker->inspect(f); }

QList<TokenTruth> DemoMarket::groundTruth() const
{
    QList<TokenTruth> truth;
    m_worker->inspect([&truth](const MarketSimulator *sim) {
        if (sim)
            truth = sim->groundTruth();
    });
    return truth;
}

} // namespace adapters::demo
