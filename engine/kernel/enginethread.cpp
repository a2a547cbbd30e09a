#include "engine/kernel/enginethread.h"

#include "engine/kernel/tradingengine.h"

#include <QMetaObject>

namespace engine {

EngineThread::EngineThread(TradingEngine *engine) : m_engine(engine)
{
    m_thread.setObjectName(QStringLiteral("engine"));
    m_engine->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
}

EngineThread::~EngineThread()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_engine;
    }
}

void EngineThread::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, [e = m_engine] { e->startTimers(); }, Qt::QueuedConnection);
}

void EngineThread::runBlocking(const std::function<void()> &fn)
{
    if (!m_thread.isRunning() || QThread::currentThread() == &m_thread) {
        fn();
        return;
    }
    QMetaObject::invokeMethod(m_engine, fn, Qt::BlockingQueuedConnection);
}

} // namespace engine
