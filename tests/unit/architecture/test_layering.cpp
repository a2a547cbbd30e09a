// The layering rules, checked on the source tree: engine/ uses Qt Core only, and
// ui/ never reaches an adapter (it talks to engine/api only).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {
QString sourceRoot() { return QStringLiteral(MEMEDESK_SOURCE_ROOT); }

// "file:line: include" for every #include in `dir` matching `forbidden`.
QStringList offending(const QString &dir, const QRegularExpression &forbidden, bool quotedOnly = false)
{
    QStringList hits;
    QDirIterator it(sourceRoot() + QLatin1Char('/') + dir, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
    static const QRegularExpression quoted(QStringLiteral("^\\s*#\\s*include\\s*\""));
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        int lineNo = 0;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine());
            ++lineNo;
            const auto m = include.match(line);
            if (m.hasMatch() && (!quotedOnly || quoted.match(line).hasMatch()) && forbidden.match(m.captured(1)).hasMatch())
                hits << QStringLiteral("%1:%2: %3").arg(path).arg(lineNo).arg(m.captured(1));
        }
    }
    return hits;
}
} // namespace

class TestLayering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void engineUsesQtCoreOnly()
    {
        const QRegularExpression forbidden(QStringLiteral(
            "^(QtWidgets|QtGui|QtNetwork|QtSql|QtCharts|QtWebSockets|QtHttpServer|qt6keychain|spdlog)/|"
            "^Q(Widget|Application|MainWindow|Sql\\w*|Network\\w*|Tcp\\w*|Udp\\w*|WebSocket\\w*|HttpServer\\w*|Chart\\w*|Pixmap|Image|Color|Font|Painter)$|"
            "^(adapters|ui|app|tests)/"));
        const QStringList hits = offending(QStringLiteral("engine"), forbidden);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
    }

    void uiNeverIncludesAnAdapter()
    {
        const QRegularExpression forbidden(QStringLiteral(
            "^(adapters|app)/|^(QtSql|QtNetwork)/|^QSql"));
        const QStringList hits = offending(QStringLiteral("ui"), forbidden);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
    }

    void includesAreRootedAtTheRepository()
    {
        // "engine/api/botapi.h", not "api/botapi.h": every include says which layer it comes from.
        const QRegularExpression notRooted(QStringLiteral("^(?!(engine|adapters|app|ui|tests)/)(?!.*\\.moc$)"));
        QStringList hits;
        for (const char *dir : {"engine", "adapters", "app", "ui", "tests"})
            hits << offending(QLatin1String(dir), notRooted, true);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
    }

    void adaptersNeverIncludeUiOrApp()
    {
        const QRegularExpression forbidden(QStringLiteral("^(QtWidgets|QtCharts)/|^QWidget$|^(ui|app)/"));
        const QStringList hits = offending(QStringLiteral("adapters"), forbidden);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "test_layering.moc"
