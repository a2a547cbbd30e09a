// The real desktop app under Xvfb on the real engine, demo market, paper venue,
// SQLite journal and OS keychain: open each view, press Start, wait for a fill on
// the Dashboard, and save one screenshot per view.
#include "app/appcontext.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/views/backtestview.h"
#include "ui/views/evaluationview.h"
#include "tests/support/apiclient.h"
#include "tests/support/testsupport.h"

#include "engine/api/botapi.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QTcpServer>
#include <QApplication>
#include <QTableView>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QJsonArray>
#include <QTest>

using namespace engine;

namespace {
QString shot(QWidget *w, const QString &name)
{
    const QString path = testsupport::testOutputDir() + QStringLiteral("/screenshot-") + name + QStringLiteral(".png");
    w->grab().save(path);
    return path;
}

int rows(QWidget *root, const char *objectName)
{
    auto *view = root->findChild<QAbstractItemView *>(QLatin1String(objectName));
    return view && view->model() ? view->model()->rowCount() : -1;
}
} // namespace

class TestDesktop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pressStartAndSeeAFill()
    {
        app::AppOptions o;
        o.dataDir = testsupport::makeTempDir(QStringLiteral("memedesk-gui"));
        o.seedGiven = true;
        o.speed = 60;
        o.autostart = false;
        o.keychainService = QStringLiteral("memedesk-test-e2e");
        app::AppContext ctx(o);
        const engine::Result<void> started = ctx.initialize();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        ui::applyLanguage(QStringLiteral("en")); // as main() does with the saved language
        ui::MainWindow window(ctx.api());
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ctx.run();

        // the first launch: the welcome on the Dashboard, then dismissed for the pictures below
        auto *welcome = window.findChild<QWidget *>(QStringLiteral("welcomePanel"));
        QVERIFY(welcome && welcome->isVisible());
        QTest::qWait(300);
        shot(&window, QStringLiteral("first-launch"));
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("welcomeDismiss")), Qt::LeftButton);
        QVERIFY(!welcome->isVisible());

        // every view opens
        for (auto v : {ui::MainWindow::View::TradingConfig, ui::MainWindow::View::SignalMonitor,
                       ui::MainWindow::View::History, ui::MainWindow::View::Dashboard}) {
            window.showView(v);
            QTest::qWait(100);
        }
        QVERIFY(ctx.api().status().engineState == EngineState::Stopped);

        window.showView(ui::MainWindow::View::TradingConfig);
        auto *start = window.findChild<QAbstractButton *>(QStringLiteral("startButton"));
        QVERIFY(start);
        QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 10000);
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().engineState == EngineState::Running, 20000);

        window.showView(ui::MainWindow::View::Dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(rows(&window, "recentFillsTable") > 0, 120000);
        // trade on for 20 simulated minutes so the pictures show a session, not a moment
        const qint64 firstFillClock = ctx.api().status().clockMs;
        QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().clockMs - firstFillClock >= 20 * 60'000, 120000);
        QTest::qWait(1000);
        shot(&window, QStringLiteral("dashboard"));

        window.showView(ui::MainWindow::View::TradingConfig);
        QTest::qWait(300);
        shot(&window, QStringLiteral("trading-config"));

        window.showView(ui::MainWindow::View::SignalMonitor);
        QTRY_VERIFY_WITH_TIMEOUT(rows(&window, "signalsTable") > 0, 20000);
        auto *signals = window.findChild<QTableView *>(QStringLiteral("signalsTable"));
        int pick = 0; // show the chart of a buy signal if there is one
        for (int r = 0; r < signals->model()->rowCount(); ++r) {
            if (signals->model()->index(r, 2).data().toString() == QLatin1String("Buy")) {
                pick = r;
                break;
            }
        }
        signals->selectRow(pick);
        QTest::qWait(500);
        shot(&window, QStringLiteral("signal-monitor"));

        window.showView(ui::MainWindow::View::History);
        QTRY_VERIFY_WITH_TIMEOUT(rows(&window, "historyTable") > 0, 20000);
        QTest::qWait(300);
        shot(&window, QStringLiteral("history"));

        // a backtest from the History view's Backtest tab, on the real engine's service
        ui::BacktestView *backtest = window.showBacktest();
        const QString year = testsupport::sharedDataDir() + QStringLiteral("/memecoins_binance_spot_1h.csv");
        backtest->setDataPath(QFile::exists(year) ? year : testsupport::testDataDir() + QStringLiteral("/backtest/pepeusdt_1h_sample.csv"));
        backtest->setSymbols(QStringLiteral("PEPEUSDT"));
        QVERIFY(backtest->run());
        QTRY_VERIFY_WITH_TIMEOUT(ctx.api().backtestRuns().size() == 1, 60000);
        // The run is listed by the service first, then shown by the view (a queued call): wait for both.
        QTRY_VERIFY_WITH_TIMEOUT(rows(&window, "backtestTrades") > 10, 10000);
        QTest::qWait(500);
        shot(&window, QStringLiteral("backtest"));

        // an evaluation from the Evaluation tab, on the app's own evaluator (the demo market and
        // the engine in simulated time), with the Trading Config's strategy
        ui::EvaluationView *evaluation = window.showEvaluation();
        evaluation->setSeeds(1, 6);
        evaluation->setHours(4);
        evaluation->setDraws(5);
        evaluation->run();
        QTRY_VERIFY_WITH_TIMEOUT(!evaluation->report().isEmpty(), 120000);
        QCOMPARE(evaluation->report()[QStringLiteral("per_seed")].toArray().size(), 6);
        QTest::qWait(500);
        shot(&window, QStringLiteral("evaluation"));

        // a manual limit buy far below the market, entered in the ticket, rests and is cancelled
        window.showView(ui::MainWindow::View::Trade);
        auto *symbolBox = window.findChild<QComboBox *>(QStringLiteral("ticketSymbol"));
        QTRY_VERIFY_WITH_TIMEOUT(symbolBox->count() > 0, 10000);
        const QString symbol = symbolBox->currentText();
        const QList<engine::Candle> candles = ctx.api().candles(symbol);
        QVERIFY(!candles.isEmpty());
        const engine::Decimal limit = candles.last().close / engine::Decimal::fromInt(2);
        const engine::Decimal qty = (engine::Decimal::fromInt(50) / limit).quantized(engine::Decimal::fromInt(1), engine::Rounding::Up);
        auto *qtyEdit = window.findChild<QLineEdit *>(QStringLiteral("ticketQtyEdit"));
        auto *priceEdit = window.findChild<QLineEdit *>(QStringLiteral("ticketPriceEdit"));
        qtyEdit->clear();
        QTest::keyClicks(qtyEdit, qty.toString());
        priceEdit->clear();
        QTest::keyClicks(priceEdit, limit.toString());
        auto *place = window.findChild<QPushButton *>(QStringLiteral("ticketPlace"));
        QTRY_VERIFY_WITH_TIMEOUT(place->isEnabled(), 10000);
        QTest::mouseClick(place, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rows(&window, "openOrdersTable") >= 1, 10000);
        auto *orders = window.findChild<QTableView *>(QStringLiteral("openOrdersTable"));
        int manualRow = -1;
        for (int r = 0; r < orders->model()->rowCount(); ++r) {
            if (orders->model()->index(r, 8).data().toString() == QLatin1String("manual"))
                manualRow = r;
        }
        QVERIFY(manualRow >= 0);
        const QString manualId = orders->model()->index(manualRow, 0).data(Qt::ToolTipRole).toString().section(QLatin1Char(' '), 0, 0);
        orders->selectRow(manualRow);
        QTest::qWait(300);
        shot(&window, QStringLiteral("manual-trading"));
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("cancelOrderButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const engine::Order &o : ctx.api().recentOrders(50))
                    if (o.clientId == manualId)
                        return o.status == engine::OrderStatus::Cancelled;
                return false;
            }(),
            10000);

        // the remote API switched on in Trading Config, answering a real client, then off again
        window.showView(ui::MainWindow::View::TradingConfig);
        auto *remote = window.findChild<QGroupBox *>(QStringLiteral("remoteApiBox"));
        QVERIFY(remote);
        window.findChild<QCheckBox *>(QStringLiteral("remoteApiEnabled"))->setChecked(true);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 apiPort = probe.serverPort();
        probe.close();
        window.findChild<QSpinBox *>(QStringLiteral("remoteApiPort"))->setValue(apiPort);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("remoteApiApply")), Qt::LeftButton);
        auto *apiState = window.findChild<QLabel *>(QStringLiteral("remoteApiState"));
        QTRY_VERIFY_WITH_TIMEOUT(apiState->text().contains(QStringLiteral("Running at http://127.0.0.1:%1").arg(apiPort)), 20000);
        QVERIFY(ctx.api().remoteApiSettings().enabled);
        testsupport::ApiClient client(QStringLiteral("http://127.0.0.1:%1").arg(apiPort));
        QCOMPARE(client.get(QStringLiteral("/api/v1/ping")).status, 200);
        QCOMPARE(client.get(QStringLiteral("/api/v1/trading/status")).status, 401);
        auto *scroll = remote->parentWidget();
        while (scroll && !qobject_cast<QScrollArea *>(scroll))
            scroll = scroll->parentWidget();
        QVERIFY(scroll);
        qobject_cast<QScrollArea *>(scroll)->ensureWidgetVisible(remote);
        QTest::qWait(300);
        remote->grab().save(testsupport::testOutputDir() + QStringLiteral("/screenshot-remote-api.png"));
        // An address other machines reach, without TLS: refused, and the running API stays as it was.
        window.findChild<QLineEdit *>(QStringLiteral("remoteApiBind"))->setText(QStringLiteral("0.0.0.0"));
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("remoteApiApply")), Qt::LeftButton);
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("remoteApiMessage"))->text().contains(QStringLiteral("TLS")));
        QCOMPARE(ctx.api().remoteApiSettings().bindAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(client.get(QStringLiteral("/api/v1/ping")).status, 200);
        window.findChild<QLineEdit *>(QStringLiteral("remoteApiBind"))->setText(QStringLiteral("127.0.0.1"));
        window.findChild<QCheckBox *>(QStringLiteral("remoteApiEnabled"))->setChecked(false);
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("remoteApiApply")), Qt::LeftButton);
        QTRY_VERIFY(apiState->text().contains(QStringLiteral("Off")));
        QCOMPARE(client.get(QStringLiteral("/api/v1/ping")).status, 0);
        QVERIFY(!ctx.api().remoteApiSettings().enabled);

        // the same window in Simplified Chinese
        QVERIFY(ui::applyLanguage(QStringLiteral("zh_CN")));
        window.showView(ui::MainWindow::View::Dashboard);
        QTest::qWait(800);
        shot(&window, QStringLiteral("dashboard-zh_CN"));
        ui::applyLanguage(QStringLiteral("en"));

        ctx.api().stop();
        QTRY_VERIFY_WITH_TIMEOUT(ctx.api().status().engineState == EngineState::Stopped, 10000);
        window.close();
        ctx.shutdown();
    }
};

QTEST_MAIN(TestDesktop)
#include "test_desktop.moc"
