// MainWindow and its views over a fake BotApi: views show, input is validated, secrets
// stay hidden, mode availability is respected, live events reach the tables. Saves a
// screenshot of every view (English and Chinese) to the test output folder.
#include "tests/unit/ui/fakebotapi.h"
#include "tests/unit/ui/uitesthelpers.h"
#include "ui/language.h"
#include "ui/labels.h"
#include "ui/mainwindow.h"
#include "ui/models/signalsmodel.h"
#include "tests/support/testsupport.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QListWidgetItem>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QtCharts/QChartView>
#include <QtCharts/QXYSeries>

#include <cmath>

using testsupport::FakeBotApi;
using ui::MainWindow;
using uitest::find;

namespace {

const qint64 kNow = 1'715'000'000'000LL; // fixed engine time for stable screenshots

engine::Decimal dec(const char *text)
{
    return engine::Decimal::fromString(text);
}

engine::Signal makeSignal(qint64 ts, const QString &symbol, const QString &action, double score)
{
    engine::Signal s;
    s.tsMs = ts;
    s.symbol = symbol;
    s.action = action;
    s.score = score;
    s.price = dec("0.00000123");
    s.momentum = 0.034;
    s.rsi = 61.5;
    s.volumeZ = 2.4;
    s.mentionVelocity = 3.1;
    s.sentiment = 0.42;
    s.uniqueAuthors = 37;
    s.liquidityChange = 0.05;
    s.explanation = QStringLiteral("momentum up 3.4 %, mentions 3.1× baseline from 37 authors, liquidity steady");
    return s;
}

void populate(FakeBotApi &api)
{
    api.statusValue.engineState = engine::EngineState::Running;
    api.statusValue.clockMs = kNow;
    api.statusValue.realizedPnl = dec("182.40");
    api.statusValue.unrealizedPnl = dec("68.10");
    api.statusValue.pnlToday = dec("-12.75");
    api.statusValue.fees = dec("9.3120");
    api.statusValue.openPositions = 2;
    api.statusValue.fillCount = 48;

    for (const char *s : {"PEPEUSDT", "WIFUSDT", "BONKUSDT", "DOGEUSDT"})
        api.instrumentList.append({QString::fromLatin1(s), {}, QStringLiteral("USDT"), {}, {}, {}});

    engine::Position pepe;
    pepe.symbol = QStringLiteral("PEPEUSDT");
    pepe.qty = dec("152000000");
    pepe.avgPrice = dec("0.00000123");
    pepe.lastPrice = dec("0.000001287");
    engine::Position wif;
    wif.symbol = QStringLiteral("WIFUSDT");
    wif.qty = dec("120.5");
    wif.avgPrice = dec("2.4512");
    wif.lastPrice = dec("2.3977");
    api.positionList = {pepe, wif};

    for (int i = 0; i < 12; ++i) {
        engine::Fill f = FakeBotApi::syntheticFill(i, i % 2 ? QStringLiteral("WIFUSDT") : QStringLiteral("PEPEUSDT"),
                                                   i % 3 ? engine::Side::Buy : engine::Side::Sell);
        f.tsMs = kNow - i * 45'000;
        if (i % 2)
            f.price = dec("2.4512");
        api.fillList.append(f);
    }
    const QStringList symbols{QStringLiteral("PEPEUSDT"), QStringLiteral("WIFUSDT"), QStringLiteral("BONKUSDT")};
    const QStringList actions{QStringLiteral("BUY"), QStringLiteral("HOLD"), QStringLiteral("SELL")};
    for (int i = 0; i < 40; ++i)
        api.signalList.append(makeSignal(kNow - i * 20'000, symbols.at(i % 3), actions.at(i % 3), 0.7 - i * 0.035));

    for (int i = 0; i < 20; ++i) {
        engine::LogEntry e;
        e.tsMs = kNow - i * 30'000;
        e.level = i % 7 == 0 ? engine::LogEntry::Level::Warning : engine::LogEntry::Level::Info;
        e.category = i % 2 ? QStringLiteral("engine") : QStringLiteral("demo");
        e.message = QStringLiteral("demo event %1: PEPEUSDT pump detected, mention velocity rising").arg(i);
        api.logList.append(e);
    }
    // Six hours of equity with a dip, for the curve and the drawdown.
    double equity = 10000;
    for (int i = 0; i < 360; ++i) {
        equity += std::sin(i / 17.0) * 9 + (i > 200 && i < 260 ? -6 : 3);
        api.equityList.append({kNow - (360 - i) * 60'000LL, engine::Decimal::fromDouble(equity, 2), dec("8000")});
    }
    // Candles for PEPE around the signals.
    double price = 0.00000118;
    QList<engine::Candle> candles;
    for (int i = 0; i < 60; ++i) {
        engine::Candle c;
        c.symbol = QStringLiteral("PEPEUSDT");
        c.openTimeMs = (kNow / 60'000 - 60 + i) * 60'000;
        const double open = price;
        price *= 1.0 + std::sin(i / 5.0) * 0.01 + 0.002;
        c.open = engine::Decimal::fromDouble(open, 14);
        c.close = engine::Decimal::fromDouble(price, 14);
        c.high = engine::Decimal::fromDouble(std::max(open, price) * 1.004, 14);
        c.low = engine::Decimal::fromDouble(std::min(open, price) * 0.996, 14);
        c.volume = engine::Decimal::fromInt(1'000'000 + i * 1000);
        candles.append(c);
    }
    api.candleMap.insert(QStringLiteral("PEPEUSDT"), candles);
}

QString allVisibleText(QWidget *root)
{
    QStringList texts;
    for (auto *l : root->findChildren<QLabel *>())
        texts << l->text() << l->toolTip();
    for (auto *e : root->findChildren<QLineEdit *>())
        texts << e->text() << e->displayText() << e->placeholderText();
    for (auto *c : root->findChildren<QComboBox *>()) {
        for (int i = 0; i < c->count(); ++i)
            texts << c->itemText(i) << c->itemData(i, Qt::ToolTipRole).toString();
    }
    for (auto *t : root->findChildren<QTableView *>()) {
        QAbstractItemModel *m = t->model();
        for (int r = 0; r < std::min(m->rowCount(), 200); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                texts << m->index(r, c).data().toString();
    }
    return texts.join(u'\n');
}

// Clicks the button named `buttonName` of the next modal dialog.
void answerNextDialog(const QString &buttonName)
{
    QTimer::singleShot(50, [buttonName] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return answerNextDialog(buttonName);
        if (auto *b = modal->findChild<QPushButton *>(buttonName))
            b->click();
    });
}

} // namespace

class TestViews : public QObject {
    Q_OBJECT

    FakeBotApi m_api;
    std::unique_ptr<MainWindow> m_window;

    //! PEPEUSDT as the fake market's first instrument, with a deep book at these prices.
    engine::Instrument pepeWithBook(const char *bid, const char *ask)
    {
        const engine::Instrument pepe{QStringLiteral("PEPEUSDT"), QStringLiteral("PEPE"), QStringLiteral("USDT"),
                                      dec("0.00000001"), dec("1"), dec("5")};
        m_api.instrumentList[0] = pepe;
        engine::BookUpdate book;
        book.symbol = pepe.symbol;
        book.bids = {{dec(bid), dec("1000000000")}};
        book.asks = {{dec(ask), dec("1000000000")}};
        m_api.books.insert(pepe.symbol, book);
        return pepe;
    }

    void screenshot(const QString &name) { QVERIFY(uitest::saveScreenshot(m_window.get(), name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MemedeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_views"));
        QDir().mkpath(testsupport::testOutputDir());
        ui::applyLanguage(QStringLiteral("en"));
        populate(m_api);
        m_window = std::make_unique<MainWindow>(m_api);
        m_window->resize(1440, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // one subscriber for the whole window: views listen to the BotModel's typed signals
        QCOMPARE(m_api.handlerCount(), 1);
        // the mode is in the title: paper and real money are never mistaken for each other
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Memedesk — ") + ui::Labels::tradingMode(engine::TradingMode::Demo));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QCOMPARE(m_api.handlerCount(), 0); // every subscription ended with its widget
    }

    void everyViewShows_data()
    {
        QTest::addColumn<int>("view");
        QTest::addColumn<QString>("objectName");
        QTest::addColumn<QString>("shot");
        QTest::newRow("dashboard") << int(MainWindow::View::Dashboard) << "dashboardView" << "dashboard";
        QTest::newRow("config") << int(MainWindow::View::TradingConfig) << "tradingConfigView" << "config";
        QTest::newRow("signals") << int(MainWindow::View::SignalMonitor) << "signalMonitorView" << "signals";
        QTest::newRow("history") << int(MainWindow::View::History) << "historyView" << "history";
        QTest::newRow("trade") << int(MainWindow::View::Trade) << "tradeView" << "trade";
    }

    void everyViewShows()
    {
        QFETCH(int, view);
        QFETCH(QString, objectName);
        QFETCH(QString, shot);
        m_window->showView(MainWindow::View(view));
        QCOMPARE(int(m_window->currentView()), view);
        QWidget *w = m_window->findChild<QWidget *>(objectName);
        QVERIFY(w);
        QVERIFY(w->isVisible());
        for (const char *name : {"logPanel", "engineStateLabel"})
            QVERIFY2(m_window->findChild<QWidget *>(QString::fromLatin1(name)), name);
        if (view == int(MainWindow::View::SignalMonitor)) {
            auto *table = find<QTableView>(m_window.get(), "signalsTable");
            table->selectRow(0);
            QTRY_VERIFY(find<QLabel>(m_window.get(), "signalDetailsLabel")->text().contains(QStringLiteral("PEPEUSDT")));
        }
        if (view == int(MainWindow::View::History))
            QTRY_COMPARE(find<QTableView>(m_window.get(), "historyTable")->model()->rowCount(), 1'000'000);
        screenshot(shot);
    }

    void theOrderTicketPreviewsPlacesAndCancels()
    {
        const engine::Instrument pepe = pepeWithBook("0.00001200", "0.00001210");
        engine::Ticker24h day;
        day.symbol = pepe.symbol;
        day.open = dec("0.00001000");
        day.last = dec("0.00001210");
        day.low = dec("0.00000990");
        day.high = dec("0.00001300");
        day.quoteVolume = dec("48200000");
        m_api.tickers.insert(pepe.symbol, day);
        m_window->showView(MainWindow::View::Trade);
        auto *symbol = find<QComboBox>(m_window.get(), "ticketSymbol");
        symbol->setCurrentIndex(symbol->findText(QStringLiteral("PEPEUSDT")));
        auto *place = find<QPushButton>(m_window.get(), "ticketPlace");
        auto *preview = find<QLabel>(m_window.get(), "ticketPreview");
        // A limit buy of 1,000,000.7 at 0.000011999: sent as 1,000,000 at 0.00001199 (never worse).
        auto *qty = find<QLineEdit>(m_window.get(), "ticketQtyEdit");
        auto *price = find<QLineEdit>(m_window.get(), "ticketPriceEdit");
        qty->clear();
        QTest::keyClicks(qty, QStringLiteral("1000000.7"));
        price->clear();
        QTest::keyClicks(price, QStringLiteral("0.000011999"));
        QTRY_VERIFY(place->isEnabled());
        QVERIFY2(preview->text().contains(QStringLiteral("0.00001199")), qPrintable(preview->text()));
        QVERIFY(preview->text().contains(QStringLiteral("1,000,000")) || preview->text().contains(QStringLiteral("1000000")));
        QVERIFY(preview->text().contains(QStringLiteral("min notional 5 USDT")));
        QTRY_VERIFY(find<QLabel>(m_window.get(), "ticketTicker")->text().contains(QStringLiteral("+21.00 %")));
        // Too small: the problem is named and nothing can be placed.
        qty->clear();
        QTest::keyClicks(qty, QStringLiteral("10"));
        QTRY_VERIFY(!place->isEnabled());
        QVERIFY(preview->text().contains(QStringLiteral("is below the minimum of 5 USDT")));
        qty->clear();
        QTest::keyClicks(qty, QStringLiteral("1000000"));
        QTRY_VERIFY(place->isEnabled());
        screenshot(QStringLiteral("trade-ticket"));
        QTest::mouseClick(place, Qt::LeftButton);
        QTRY_COMPARE(m_api.placedOrders.size(), 1);
        QCOMPARE(m_api.placedOrders.first().limitPrice, dec("0.000011999")); // the engine rounds again at send time
        QTRY_VERIFY(find<QLabel>(m_window.get(), "ticketResult")->text().contains(QStringLiteral("md-000042")));
        // The order appears among the working orders and can be cancelled from there.
        engine::Order working;
        working.clientId = QStringLiteral("md-000042");
        working.symbol = pepe.symbol;
        working.type = engine::OrderType::Limit;
        working.qty = dec("1000000");
        working.limitPrice = dec("0.00001199");
        working.status = engine::OrderStatus::Accepted;
        working.strategy = QStringLiteral("manual");
        m_api.emitEvent(working);
        auto *orders = find<QTableView>(m_window.get(), "openOrdersTable");
        QTRY_COMPARE(orders->model()->rowCount(), 1);
        orders->selectRow(0);
        QTest::mouseClick(find<QPushButton>(m_window.get(), "cancelOrderButton"), Qt::LeftButton);
        QTRY_COMPARE(m_api.cancelledIds, QStringList{QStringLiteral("md-000042")});
        working.status = engine::OrderStatus::Cancelled;
        m_api.emitEvent(working);
        QTRY_COMPARE(orders->model()->rowCount(), 0);
        // A refusal by the exchange is said in plain words where the order was entered.
        working.status = engine::OrderStatus::Rejected;
        working.reason = QStringLiteral("BINANCE_-2010: Account has insufficient balance for requested action.");
        m_api.emitEvent(working);
        QTRY_VERIFY(find<QLabel>(m_window.get(), "ticketResult")->text().contains(QStringLiteral("not enough balance")));
    }

    void aMarketOrderByAmountShowsTheAmountAndItsEstimate()
    {
        const engine::Instrument pepe = pepeWithBook("0.00001200", "0.00001250");
        m_window->showView(MainWindow::View::Trade);
        auto *symbol = find<QComboBox>(m_window.get(), "ticketSymbol");
        symbol->setCurrentIndex(symbol->findText(QStringLiteral("PEPEUSDT")));
        auto *type = find<QComboBox>(m_window.get(), "ticketType");
        type->setCurrentIndex(type->findData(int(engine::OrderType::Market)));
        auto *mode = find<QComboBox>(m_window.get(), "ticketAmountMode");
        QTRY_VERIFY(mode->isEnabled());
        mode->setCurrentIndex(1); // Amount (quote)
        auto *qty = find<QLineEdit>(m_window.get(), "ticketQtyEdit");
        qty->clear();
        QTest::keyClicks(qty, QStringLiteral("25"));
        auto *place = find<QPushButton>(m_window.get(), "ticketPlace");
        auto *preview = find<QLabel>(m_window.get(), "ticketPreview");
        // 25 USDT at 0.0000125 is about 2,000,000 PEPE; the exchange sets the quantity.
        QTRY_VERIFY2(preview->text().contains(QStringLiteral("for 25")), qPrintable(preview->text()));
        QVERIFY(place->isEnabled());
        QVERIFY(preview->text().contains(QStringLiteral("2,000,000")));
        screenshot(QStringLiteral("trade-ticket-amount"));
        const qsizetype before = m_api.placedOrders.size();
        QTest::mouseClick(place, Qt::LeftButton);
        QTRY_COMPARE(m_api.placedOrders.size(), before + 1);
        QCOMPARE(m_api.placedOrders.last().quoteQty, dec("25"));
        QVERIFY(m_api.placedOrders.last().qty.isZero());
        // Working with its quantity not known yet, it shows what it is for.
        engine::Order working;
        working.clientId = QStringLiteral("md-000043");
        working.symbol = pepe.symbol;
        working.type = engine::OrderType::Market;
        working.quoteQty = dec("25");
        working.status = engine::OrderStatus::Accepted;
        working.strategy = QStringLiteral("manual");
        m_api.emitEvent(working);
        auto *orders = find<QTableView>(m_window.get(), "openOrdersTable");
        QTRY_COMPARE(orders->model()->rowCount(), 1);
        bool shown = false;
        for (int c = 0; c < orders->model()->columnCount(); ++c)
            shown = shown || orders->model()->index(0, c).data().toString() == QStringLiteral("for 25.00");
        QVERIFY(shown);
        working.status = engine::OrderStatus::Filled;
        working.qty = dec("2000000");
        working.filledQty = dec("2000000");
        m_api.emitEvent(working);
        QTRY_COMPARE(orders->model()->rowCount(), 0);
        type->setCurrentIndex(type->findData(int(engine::OrderType::Limit)));
    }

    void venueHealthIsShownForARealVenueOnly()
    {
        auto *bar = find<QLabel>(m_window.get(), "venueHealthStatusLabel");
        engine::BotStatus s = m_api.statusValue;
        m_api.emitEvent(s);
        QTRY_VERIFY(!bar->isVisible()); // the demo market has no connection to report
        s.health.venue = QStringLiteral("binance");
        s.health.streamConnected = true;
        s.health.restLatencyMs = 42;
        s.health.weightUsed = 120;
        s.health.weightLimit = 6000;
        s.health.lastMessageAgeMs = 300;
        s.health.clockOffsetMs = -3;
        s.health.userStream = 1;
        m_api.statusValue = s; // the views also poll the snapshot
        m_api.emitEvent(s);
        QTRY_VERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QStringLiteral("REST 42 ms")) && bar->text().contains(QStringLiteral("weight 120/6000"))
                     && bar->text().contains(QStringLiteral("clock offset -3 ms")) && bar->text().contains(QStringLiteral("account stream up")),
                 qPrintable(bar->text()));
        m_window->showView(MainWindow::View::Dashboard);
        QTRY_VERIFY(find<QLabel>(m_window.get(), "venueHealthLabel")->text().contains(QStringLiteral("stream live, last message 0.3 s ago")));
        s.health = {};
        m_api.statusValue = s;
        m_api.emitEvent(s);
        QTRY_VERIFY(!bar->isVisible());
    }

    void binanceSettingsWatchlistAndConnectionTest()
    {
        m_window->showView(MainWindow::View::TradingConfig);
        auto *preset = find<QComboBox>(m_window.get(), "venuePreset");
        auto *rest = find<QLineEdit>(m_window.get(), "binanceRestUrl");
        QCOMPARE(rest->text(), QStringLiteral("https://api.binance.com"));
        preset->setCurrentIndex(1);
        Q_EMIT preset->activated(1);
        QCOMPARE(rest->text(), QStringLiteral("https://testnet.binance.vision"));
        // A bad address is refused with the reason, and nothing is saved.
        rest->setText(QStringLiteral("ftp://nowhere"));
        QTest::mouseClick(find<QPushButton>(m_window.get(), "venueSave"), Qt::LeftButton);
        QVERIFY(find<QLabel>(m_window.get(), "venueMessage")->text().contains(QStringLiteral("https://")));
        QVERIFY(m_api.venueSettingsValue.isEmpty());
        rest->setText(QStringLiteral("http://127.0.0.1:9999"));
        // The watchlist: load the exchange's symbols, pick one, see its rules, add it, save.
        engine::VenueSymbol bonk;
        bonk.symbol = QStringLiteral("BONKUSDT");
        bonk.baseAsset = QStringLiteral("BONK");
        bonk.quoteAsset = QStringLiteral("USDT");
        bonk.status = QStringLiteral("TRADING");
        bonk.tickSize = dec("0.00000001");
        bonk.stepSize = dec("1");
        bonk.minNotional = dec("5");
        bonk.orderTypes = {QStringLiteral("LIMIT"), QStringLiteral("MARKET")};
        engine::VenueSymbol neiro = bonk;
        neiro.symbol = QStringLiteral("NEIROUSDT");
        neiro.baseAsset = QStringLiteral("NEIRO");
        m_api.venueSymbolList = {bonk, neiro};
        QTest::mouseClick(find<QPushButton>(m_window.get(), "symbolLoad"), Qt::LeftButton);
        auto *found = find<QListWidget>(m_window.get(), "symbolSearchList");
        QTRY_COMPARE(found->count(), 2);
        QTest::keyClicks(find<QLineEdit>(m_window.get(), "symbolSearch"), QStringLiteral("neir"));
        QCOMPARE(found->count(), 1);
        found->setCurrentRow(0);
        QVERIFY(find<QLabel>(m_window.get(), "symbolRules")->text().contains(QStringLiteral("minimum order value 5 USDT")));
        QTest::mouseClick(find<QPushButton>(m_window.get(), "watchlistAdd"), Qt::LeftButton);
        auto *watchlist = find<QListWidget>(m_window.get(), "watchlistList");
        QVERIFY(!watchlist->findItems(QStringLiteral("NEIROUSDT"), Qt::MatchExactly).isEmpty());
        QTest::mouseClick(find<QPushButton>(m_window.get(), "venueSave"), Qt::LeftButton);
        QVERIFY(m_api.venueSettingsValue.value(QStringLiteral("symbols")).endsWith(QLatin1String(",NEIROUSDT")));
        QCOMPARE(m_api.venueSettingsValue.value(QStringLiteral("binance.rest_url")), QStringLiteral("http://127.0.0.1:9999"));
        // Test connection says, in plain words, what the key may do.
        engine::ConnectionCheck check;
        check.latencyMs = 42;
        check.clockOffsetMs = 3;
        check.canTrade = true;
        check.canWithdraw = true;
        check.ipRestricted = 0;
        check.permissions = {QStringLiteral("SPOT")};
        m_api.connectionResult = check;
        QTest::mouseClick(find<QPushButton>(m_window.get(), "testConnectionButton"), Qt::LeftButton);
        auto *result = find<QLabel>(m_window.get(), "testConnectionResult");
        QTRY_VERIFY(result->text().contains(QStringLiteral("42 ms")));
        QVERIFY(result->text().contains(QStringLiteral("may trade on Spot")));
        QVERIFY(result->text().contains(QStringLiteral("may withdraw funds")));
        QVERIFY(result->text().contains(QStringLiteral("any IP address")));
        auto *scroll = m_window->findChild<QWidget *>(QStringLiteral("venueSettingsBox"));
        QVERIFY(scroll);
        QTest::qWait(100);
        QVERIFY(scroll->grab().save(testsupport::testOutputDir() + QStringLiteral("/ui-binance-settings.png")));
    }

    void historyPicksUpNewRowsAtTheTop()
    {
        m_window->showView(MainWindow::View::History);
        auto *table = find<QTableView>(m_window.get(), "historyTable");
        QTRY_COMPARE(table->model()->rowCount(), 1'000'000);
        m_api.historyRows = 1'000'003;
        m_api.emitEvent(FakeBotApi::syntheticFill(1'000'002, QStringLiteral("PEPEUSDT"), engine::Side::Buy));
        QTRY_COMPARE(table->model()->rowCount(), 1'000'003);
        QTRY_VERIFY(find<QLabel>(m_window.get(), "historySummaryLabel")->text().contains(QStringLiteral("1,000,003")));
        m_api.historyRows = 1'000'000;
        find<QPushButton>(m_window.get(), "historyReloadButton")->click();
        QTRY_COMPARE(table->model()->rowCount(), 1'000'000);
    }

    void dashboardShowsSnapshot()
    {
        m_window->showView(MainWindow::View::Dashboard);
        QVERIFY(find<QChartView>(m_window.get(), "equityChart"));
        auto *positions = find<QTableView>(m_window.get(), "positionsTable");
        QCOMPARE(positions->model()->rowCount(), 2);
        QCOMPARE(positions->model()->index(0, 0).data().toString(), QStringLiteral("PEPEUSDT"));
        QCOMPARE(positions->model()->index(0, 2).data().toString(), QStringLiteral("0.00000123"));
        QCOMPARE(positions->model()->index(0, 3).data().toString(), QStringLiteral("0.000001287"));
        QCOMPARE(positions->model()->index(0, 6).data().toString(), QStringLiteral("+4.63 %"));
        QCOMPARE(find<QLabel>(m_window.get(), "equityValue")->text(), QStringLiteral("10,250.50"));
        QCOMPARE(find<QLabel>(m_window.get(), "pnlTodayValue")->text(), QStringLiteral("-12.75"));
        QCOMPARE(find<QLabel>(m_window.get(), "pnlTotalValue")->text(), QStringLiteral("+250.50"));
        QVERIFY(find<QTableView>(m_window.get(), "recentFillsTable")->model()->rowCount() >= 12);
    }

    void liveEventsReachTables()
    {
        auto *signalsModel = find<QTableView>(m_window.get(), "signalsTable")->model();
        const int signalsBefore = signalsModel->rowCount();
        m_api.emitEvent(makeSignal(kNow + 1000, QStringLiteral("BONKUSDT"), QStringLiteral("BUY"), 0.81));
        QCOMPARE(signalsModel->rowCount(), signalsBefore + 1);
        QCOMPARE(signalsModel->index(0, 1).data().toString(), QStringLiteral("BONKUSDT"));
        QCOMPARE(signalsModel->index(0, 3).data().toString(), QStringLiteral("+0.81"));

        auto *fills = find<QTableView>(m_window.get(), "recentFillsTable")->model();
        engine::Fill f = FakeBotApi::syntheticFill(777, QStringLiteral("DOGEUSDT"), engine::Side::Buy);
        m_api.emitEvent(f);
        QCOMPARE(fills->index(0, 1).data().toString(), QStringLiteral("DOGEUSDT"));
        const int fillRows = fills->rowCount();
        m_api.emitEvent(f); // the same fill again (snapshot + event overlap) is shown once
        QCOMPARE(fills->rowCount(), fillRows);

        auto *log = find<QTableView>(m_window.get(), "logTable")->model();
        engine::LogEntry entry{kNow, engine::LogEntry::Level::Error, QStringLiteral("store"),
                               QStringLiteral("disk almost full")};
        m_api.emitEvent(entry);
        QCOMPARE(log->index(0, 3).data().toString(), QStringLiteral("disk almost full"));
        engine::RiskDenial denial;
        denial.tsMs = kNow;
        denial.request.symbol = QStringLiteral("PEPEUSDT");
        denial.request.qty = dec("5000000");
        denial.denial = engine::Denial{engine::Denial::Code::MaxOpenPositions, {{QStringLiteral("max"), QStringLiteral("5")}}};
        denial.reason = denial.denial.message();
        m_api.emitEvent(denial);
        // shown from the code and fields in the user's language, with the stable code
        const QString shown = log->index(0, 3).data().toString();
        QVERIFY2(shown.contains(QStringLiteral("The maximum of 5 open positions is reached."))
                     && shown.contains(QStringLiteral("[MAX_OPEN_POSITIONS_REACHED]")),
                 qPrintable(shown));
        // and where the trader looks: the status bar
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("The maximum of 5 open positions")),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QCOMPARE(log->index(0, 1).data().toString(), QStringLiteral("Warning"));

        engine::BotStatus halted = m_api.statusValue;
        halted.tradingState = engine::TradingState::Halted;
        halted.haltReason = QStringLiteral("daily loss limit reached");
        m_api.emitEvent(halted);
        QVERIFY(find<QLabel>(m_window.get(), "engineStateLabel")->text().contains(QStringLiteral("Running")));
        QVERIFY(find<QLabel>(m_window.get(), "tradingStateLabel")->text().contains(QStringLiteral("daily loss limit")));
        QVERIFY(find<QPushButton>(m_window.get(), "resumeButton")->isEnabled());
        m_api.emitEvent(m_api.statusValue);
    }

    void equityEventsExtendTheCurve()
    {
        m_window->showView(MainWindow::View::Dashboard);
        auto *chart = find<QChartView>(m_window.get(), "equityChart");
        auto *series = qobject_cast<QXYSeries *>(chart->chart()->series().first());
        QVERIFY(series);
        const int before = series->count();
        m_api.emitEvent(engine::EquityPoint{kNow + 60'000, dec("10300"), dec("8000")});
        QTRY_COMPARE(series->count(), before + 1);
    }

    void engineButtonsCallTheApi()
    {
        m_window->showView(MainWindow::View::TradingConfig);
        auto *start = find<QPushButton>(m_window.get(), "startButton");
        auto *stop = find<QPushButton>(m_window.get(), "stopButton");
        auto *flatten = find<QPushButton>(m_window.get(), "flattenButton");
        QVERIFY(!start->isEnabled()); // running
        QVERIFY(stop->isEnabled());
        stop->click();
        QCOMPARE(m_api.stopCalls, 1);

        answerNextDialog(QStringLiteral("flattenConfirmYes"));
        flatten->click();
        QCOMPARE(m_api.flattenCalls, 1);

        engine::BotStatus stopped = m_api.statusValue;
        stopped.engineState = engine::EngineState::Stopped;
        stopped.openPositions = 0;
        m_api.emitEvent(stopped);
        QVERIFY(start->isEnabled());
        QVERIFY(!stop->isEnabled());
        QVERIFY(!flatten->isEnabled());
        start->click();
        QCOMPARE(m_api.startCalls, 1);
        m_api.emitEvent(m_api.statusValue);
    }

    void configValidationShowsErrorsNextToFields()
    {
        m_window->showView(MainWindow::View::TradingConfig);
        auto *edit = find<QLineEdit>(m_window.get(), "maxOrderNotionalEdit");
        auto *error = find<QLabel>(m_window.get(), "maxOrderNotionalError");
        auto *apply = find<QPushButton>(m_window.get(), "applyConfigButton");
        auto *problems = find<QLabel>(m_window.get(), "configProblemsLabel");
        QCOMPARE(edit->text(), QStringLiteral("1000"));
        QVERIFY(error->text().isEmpty());

        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("12,5abc"));
        QVERIFY(!error->text().isEmpty());
        QVERIFY(error->isVisible());
        auto *stopLoss = find<QLineEdit>(m_window.get(), "stopLossPctEdit");
        QCOMPARE(stopLoss->text(), QStringLiteral("8")); // shown in percent
        stopLoss->selectAll();
        QTest::keyClicks(stopLoss, QStringLiteral("150"));
        QVERIFY(find<QLabel>(m_window.get(), "stopLossPctError")->text().contains(QStringLiteral("100")));
        screenshot(QStringLiteral("config-errors"));

        apply->click();
        QVERIFY(m_api.appliedConfigs.isEmpty()); // nothing reaches the engine
        QVERIFY(!problems->text().isEmpty());

        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("250.5"));
        stopLoss->selectAll();
        QTest::keyClicks(stopLoss, QStringLiteral("7.5"));
        QVERIFY(error->text().isEmpty());
        apply->click();
        QCOMPARE(m_api.appliedConfigs.size(), 1);
        QCOMPARE(m_api.appliedConfigs.last().risk.maxOrderNotional, dec("250.5"));
        QCOMPARE(m_api.appliedConfigs.last().risk.stopLossPct, dec("0.075"));

        m_api.nextConfigProblems = {QStringLiteral("emaFast must be smaller than emaSlow")};
        apply->click();
        QCOMPARE(m_api.appliedConfigs.size(), 2);
        QVERIFY(problems->text().contains(QStringLiteral("emaFast must be smaller than emaSlow")));
    }

    void configFormBoundsAgreeWithValidation()
    {
        namespace lim = engine::configlimits;
        m_window->showView(MainWindow::View::TradingConfig);
        const QString max = QString::number(lim::kMaxMoney);
        const QString shownMax = QStringLiteral("1,000,000,000"); // as the form writes the bound
        for (const char *name : {"startingCash", "maxOrderNotional", "dailyLossLimit", "orderNotional"}) {
            auto *edit = find<QLineEdit>(m_window.get(), (QByteArray(name) + "Edit").constData());
            auto *error = find<QLabel>(m_window.get(), (QByteArray(name) + "Error").constData());
            const QString before = edit->text();
            edit->selectAll();
            QTest::keyClicks(edit, QStringLiteral("90000000000000000000")); // 9e19 once passed validation
            QVERIFY2(error->text().contains(shownMax), qPrintable(error->text()));
            edit->selectAll();
            QTest::keyClicks(edit, max);
            QVERIFY2(error->text().isEmpty(), name);
            edit->selectAll();
            QTest::keyClicks(edit, before);
        }
        QCOMPARE(find<QSpinBox>(m_window.get(), "maxOpenPositionsSpin")->maximum(), lim::kMaxOpenPositions);
        QCOMPARE(find<QSpinBox>(m_window.get(), "maxOpenPositionsSpin")->minimum(), lim::kMinOpenPositions);
        QCOMPARE(find<QSpinBox>(m_window.get(), "maxOrdersPerMinuteSpin")->maximum(), lim::kMaxOrdersPerMinute);
        QCOMPARE(find<QSpinBox>(m_window.get(), "emaSlowSpin")->maximum(), lim::kMaxEma);
        QCOMPARE(find<QSpinBox>(m_window.get(), "rsiPeriodSpin")->maximum(), lim::kMaxRsi);
        QCOMPARE(find<QSpinBox>(m_window.get(), "socialBaselineSpin")->maximum(), lim::kMaxSocialMinutes);
        // what the form lets through at its bounds, validation accepts
        engine::BotConfig atBounds;
        const auto money = engine::Decimal::fromInt(lim::kMaxMoney);
        atBounds.startingCash = atBounds.risk.maxOrderNotional = atBounds.risk.dailyLossLimit = money;
        atBounds.strategy.orderNotional = money;
        atBounds.risk.maxOpenPositions = lim::kMaxOpenPositions;
        atBounds.risk.maxOrdersPerMinute = lim::kMaxOrdersPerMinute;
        atBounds.strategy.emaSlow = lim::kMaxEma;
        atBounds.strategy.rsiPeriod = lim::kMaxRsi;
        atBounds.strategy.socialBaselineMin = lim::kMaxSocialMinutes;
        QCOMPARE(atBounds.validate(), QStringList());
        atBounds.strategy.orderNotional = money + engine::Decimal::fromInt(1);
        QVERIFY(!atBounds.validate().isEmpty());
    }

    void modeAvailabilityIsRespected()
    {
        m_window->showView(MainWindow::View::TradingConfig);
        auto *combo = find<QComboBox>(m_window.get(), "modeCombo");
        auto *model = qobject_cast<QStandardItemModel *>(combo->model());
        QVERIFY(model);
        const int live = combo->findData(int(engine::TradingMode::Live));
        QVERIFY(live >= 0);
        QVERIFY(!model->item(live)->isEnabled());
        QCOMPARE(combo->itemData(live, Qt::ToolTipRole).toString(),
                 QStringLiteral("Binance API keys are not in the keychain"));
        QVERIFY(model->item(combo->findData(int(engine::TradingMode::Demo)))->isEnabled());

        m_api.modes[2].available = true;
        m_api.modes[2].reason.clear();
        QTRY_VERIFY(model->item(combo->findData(int(engine::TradingMode::Live)))->isEnabled());
    }

    void secretIsNeverDisplayed()
    {
        m_window->showView(MainWindow::View::TradingConfig);
        const QString key = QStringLiteral("AKIAsupersecretKEY1234567890");
        const QString secret = QStringLiteral("zz-TOP-SECRET-value-0987654321");
        auto *keyEdit = find<QLineEdit>(m_window.get(), "binanceKeyEdit");
        auto *secretEdit = find<QLineEdit>(m_window.get(), "binanceSecretEdit");
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
        QTRY_COMPARE(find<QLabel>(m_window.get(), "binanceKeyStatus")->text(), QStringLiteral("not set"));

        QTest::keyClicks(keyEdit, key);
        QTest::keyClicks(secretEdit, secret);
        QVERIFY(!keyEdit->displayText().contains(QStringLiteral("AKIA")));
        find<QPushButton>(m_window.get(), "saveKeysButton")->click();
        QTRY_COMPARE(m_api.secrets.value(QString::fromLatin1(engine::secrets::kBinanceApiKey)), key);
        QCOMPARE(m_api.secrets.value(QString::fromLatin1(engine::secrets::kBinanceApiSecret)), secret);
        QVERIFY(keyEdit->text().isEmpty());
        QVERIFY(secretEdit->text().isEmpty());
        QTRY_COMPARE(find<QLabel>(m_window.get(), "binanceKeyStatus")->text(), QStringLiteral("stored (••••••)"));
        QTRY_COMPARE(find<QLabel>(m_window.get(), "binanceSecretStatus")->text(), QStringLiteral("stored (••••••)"));
        const QString everything = allVisibleText(m_window.get());
        QVERIFY(!everything.contains(key));
        QVERIFY(!everything.contains(secret));
        QVERIFY(!everything.contains(QStringLiteral("supersecret")));
        screenshot(QStringLiteral("config-keys-stored"));

        answerNextDialog(QStringLiteral("deleteKeysConfirmYes"));
        find<QPushButton>(m_window.get(), "deleteKeysButton")->click();
        QTRY_VERIFY(m_api.secrets.isEmpty());
        QTRY_COMPARE(find<QLabel>(m_window.get(), "binanceKeyStatus")->text(), QStringLiteral("not set"));
    }

    void signalsModelIsCappedNewestFirst()
    {
        ui::SignalsModel model(5);
        model.setSignals({makeSignal(100, QStringLiteral("A"), QStringLiteral("BUY"), 0.1)});
        for (int i = 1; i <= 10; ++i)
            model.addSignal(makeSignal(100 + i, QStringLiteral("S%1").arg(i), QStringLiteral("HOLD"), 0));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, ui::SignalsModel::Symbol).data().toString(), QStringLiteral("S10"));
        QCOMPARE(model.index(4, ui::SignalsModel::Symbol).data().toString(), QStringLiteral("S6"));
        // The snapshot's newest signal delivered again as an event is not doubled.
        ui::SignalsModel overlap(10);
        overlap.setSignals({makeSignal(200, QStringLiteral("X"), QStringLiteral("BUY"), 0.5)});
        overlap.addSignal(makeSignal(200, QStringLiteral("X"), QStringLiteral("BUY"), 0.5));
        QCOMPARE(overlap.rowCount(), 1);
    }

    void statusLabelsCarryMachineReadableState()
    {
        auto *engineLabel = find<QLabel>(m_window.get(), "engineStateLabel");
        QTRY_COMPARE(engineLabel->property("engineState").toString(), QStringLiteral("RUNNING"));
        QCOMPARE(find<QLabel>(m_window.get(), "tradingStateLabel")->property("tradingState").toString(),
                 QStringLiteral("ACTIVE"));
    }

    void logLevelFilter()
    {
        auto *table = find<QTableView>(m_window.get(), "logTable");
        auto *level = find<QComboBox>(m_window.get(), "logLevelCombo");
        const int all = table->model()->rowCount();
        level->setCurrentIndex(2); // warnings and errors
        QVERIFY(table->model()->rowCount() < all);
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            const QString lvl = table->model()->index(r, 1).data().toString();
            QVERIFY2(lvl == QStringLiteral("Warning") || lvl == QStringLiteral("Error"), qPrintable(lvl));
        }
        level->setCurrentIndex(1);
        QCOMPARE(table->model()->rowCount(), all);
    }

    void chineseTranslationRenders()
    {
        QVERIFY(ui::applyLanguage(QStringLiteral("zh_CN")));
        auto *nav = find<QListWidget>(m_window.get(), "navList");
        QTRY_COMPARE(nav->item(0)->text(), QStringLiteral("仪表盘"));
        QCOMPARE(find<QPushButton>(m_window.get(), "startButton")->text(), QStringLiteral("启动"));
        // a risk denial reads in Chinese too, built from its code and fields
        const engine::Denial cash{engine::Denial::Code::InsufficientCash,
                                  {{QStringLiteral("needed"), QStringLiteral("500.50")}, {QStringLiteral("available"), QStringLiteral("100.00")}}};
        QCOMPARE(ui::Labels::denial(cash), QStringLiteral("现金不足：需要 500.50，可用 100.00。"));
        const QStringList shots{QStringLiteral("dashboard"), QStringLiteral("config"), QStringLiteral("signals"),
                                QStringLiteral("history")};
        for (int v = 0; v < 4; ++v) {
            m_window->showView(MainWindow::View(v));
            screenshot(QStringLiteral("zh-") + shots.at(v));
        }
        QVERIFY(ui::applyLanguage(QStringLiteral("en")));
        QTRY_COMPARE(nav->item(0)->text(), QStringLiteral("Dashboard"));
        QCOMPARE(find<QPushButton>(m_window.get(), "startButton")->text(), QStringLiteral("Start"));
    }
};

QTEST_MAIN(TestViews)
#include "test_views.moc"
