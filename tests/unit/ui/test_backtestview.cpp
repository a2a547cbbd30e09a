// The Backtest tab of the History view on the real backtest service (engine code on its own
// thread) behind a fake API: a run shows its trades, metrics and candles; a second run, then two
// side by side; the paper venue's fill model and a date range reach the request; a file that is
// not bars is refused in plain words; a million candles cost one stroke per pixel column.
#include "tests/unit/ui/fakebotapi.h"
#include "tests/unit/ui/uitesthelpers.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/views/backtestview.h"
#include "ui/widgets/candlechart.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using testsupport::FakeBotApi;
using ui::MainWindow;
using uitest::find;

namespace {
engine::Decimal dec(const char *text) { return engine::Decimal::fromString(text); }
} // namespace

class TestBacktestView : public QObject {
    Q_OBJECT

    FakeBotApi m_api;
    std::unique_ptr<MainWindow> m_window;

    void screenshot(const QString &name) { QVERIFY(uitest::saveScreenshot(m_window.get(), name)); }

private Q_SLOTS:
    void initTestCase()
    {
        m_window = uitest::openMainWindow(m_api, "test_backtestview");
        QVERIFY(m_window->isVisible());
    }

    void cleanupTestCase() { m_window.reset(); }

    void aBacktestRunsShowsItsTradesAndComparesWithAnother()
    {
        ui::BacktestView *view = m_window->showBacktest();
        view->setDataPath(testsupport::testDataDir() + QStringLiteral("/backtest/pepeusdt_1h_sample.csv"));
        view->setSymbols(QStringLiteral("PEPEUSDT"));
        auto *strategy = find<QComboBox>(m_window.get(), "backtestStrategy");
        strategy->setCurrentIndex(strategy->findData(QStringLiteral("ema_cross")));
        auto *run = find<QPushButton>(m_window.get(), "backtestRun");
        auto *runs = find<QListWidget>(m_window.get(), "backtestRuns");
        auto *metrics = find<QTableWidget>(m_window.get(), "backtestMetrics");
        auto *trades = find<QTableWidget>(m_window.get(), "backtestTrades");
        auto *status = find<QLabel>(m_window.get(), "backtestStatus");
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE(runs->count(), 1);
        QVERIFY2(status->text().startsWith(QStringLiteral("2000 bar")), qPrintable(status->text()));
        QCOMPARE(find<QProgressBar>(m_window.get(), "backtestProgress")->value(), 1000);
        const engine::BacktestRunPtr first = m_api.backtestRuns().first();
        QCOMPARE(trades->rowCount(), int(first->result.trades.size()));
        QVERIFY(trades->rowCount() > 5);
        QCOMPARE(metrics->rowCount(), 20);
        QCOMPARE(metrics->verticalHeaderItem(1)->text(), QStringLiteral("Total return"));
        QCOMPARE(view->candleChart()->strokesDrawn() > 0, true);
        QCOMPARE(m_api.backtestRequests.last().config.fee, dec("0.001"));
        screenshot(QStringLiteral("backtest"));
        // A second run with other parameters, then both side by side.
        find<QDoubleSpinBox>(m_window.get(), "backtestParam_fast")->setValue(5);
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE(runs->count(), 2);
        QCOMPARE(m_api.backtestRequests.last().params.value(QStringLiteral("fast")), 5.0);
        runs->item(0)->setSelected(true);
        runs->item(1)->setSelected(true);
        QTRY_COMPARE(metrics->columnCount(), 2);
        QCOMPARE(int(m_api.backtestRequests.last().config.fillModel), int(engine::BacktestConfig::FillModel::Reference));
        QVERIFY(metrics->horizontalHeaderItem(0)->text().startsWith(QStringLiteral("#1")));
        QVERIFY(metrics->horizontalHeaderItem(1)->text().startsWith(QStringLiteral("#2")));
        screenshot(QStringLiteral("backtest-compare"));
        // The paper venue's fill model instead of the reference rules: the same trades, other prices.
        auto *fills = find<QComboBox>(m_window.get(), "backtestFillModel");
        fills->setCurrentIndex(1);
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE(runs->count(), 3);
        QCOMPARE(int(m_api.backtestRequests.last().config.fillModel), int(engine::BacktestConfig::FillModel::OrderBook));
        const engine::BacktestRunPtr book = m_api.backtestRuns().last();
        QVERIFY(book->result.metrics.finalEquity != m_api.backtestRuns().at(1)->result.metrics.finalEquity);
        fills->setCurrentIndex(0);
        // Two weeks of the file only.
        const qint64 from = QDateTime(QDate(2023, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 until = QDateTime(QDate(2023, 6, 15), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        view->setRange(from, until);
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE(runs->count(), 4);
        QCOMPARE(m_api.backtestRuns().last()->result.data.firstMs, from);
        QCOMPARE(m_api.backtestRuns().last()->result.data.lastMs, until);
        QCOMPARE(m_api.backtestRuns().last()->result.metrics.bars, 14 * 24 + 1);
        view->setRange(0, 0);
        // A file that is not bars: said in plain words, nothing added.
        view->setDataPath(testsupport::testDataDir() + QStringLiteral("/binance/exchangeInfo.json"));
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("The backtest failed")));
        QVERIFY(status->text().contains(QStringLiteral("line 1")));
        QCOMPARE(runs->count(), 4);
        find<QTabWidget>(m_window.get(), "historyTabs")->setCurrentIndex(0); // back to the journal
        m_window->showView(MainWindow::View::Dashboard);
    }

    void aMillionCandlesCostOneStrokePerPixelColumn()
    {
        engine::ChartBars bars;
        bars.symbol = QStringLiteral("GENUSDT");
        float price = 1.0f;
        for (int i = 0; i < 1'000'000; ++i) {
            const float next = 1.0f + 0.5f * std::sin(float(i) / 5000.0f) + 0.01f * float(i % 7);
            bars.timeMs.append(1'600'000'000'000 + qint64(i) * 60'000);
            bars.open.append(price);
            bars.close.append(next);
            bars.high.append(std::max(price, next) * 1.001f);
            bars.low.append(std::min(price, next) * 0.999f);
            price = next;
        }
        ui::CandleChart chart;
        chart.resize(1000, 400);
        chart.setData(bars, {{bars.timeMs.at(500'000), double(bars.close.at(500'000)), true}});
        chart.grab(); // paints
        QVERIFY(chart.strokesDrawn() > 0);
        QVERIFY(chart.strokesDrawn() <= chart.width()); // min/max per column, not a million candles
        chart.setVisibleRange(1000, 1100); // zoomed in: real candles
        chart.grab();
        QCOMPARE(chart.strokesDrawn(), 100);
    }
};

QTEST_MAIN(TestBacktestView)
#include "test_backtestview.moc"
