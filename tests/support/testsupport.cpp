#include "tests/support/testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace testsupport {

QString sharedDataDir()
{
    const QString dir = QStringLiteral(MEMEDESK_SHARED_DATA);
    return QFileInfo(dir).isDir() ? QDir(dir).canonicalPath() : QString();
}

QString testOutputDir()
{
    QDir().mkpath(QStringLiteral(MEMEDESK_TEST_OUTPUT));
    return QStringLiteral(MEMEDESK_TEST_OUTPUT);
}

QString testDataDir() { return QStringLiteral(MEMEDESK_TEST_DATA); }

QString makeTempDir(const QString &prefix)
{
    static std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QLatin1Char('/') + prefix + QStringLiteral("-XXXXXX"));
    const QString path = dir->path();
    dirs.push_back(std::move(dir));
    return path;
}

} // namespace testsupport
