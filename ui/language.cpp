#include "ui/language.h"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <optional>

namespace ui {

namespace {

struct Installed {
    QString language = QStringLiteral("en");
    std::optional<QFont> originalFont;
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
};

Installed &installed()
{
    static Installed state;
    return state;
}

QString normalized(const QString &lang)
{
    const QString name = lang.isEmpty() ? QLocale::system().name() : lang;
    if (name.startsWith(QLatin1String("zh")))
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

// Han glyphs differ between Chinese and Japanese fonts; without a hint the fallback for
// Chinese text may be a Japanese face. Prefer Simplified Chinese faces while zh_CN is on.
void applyFont(Installed &state, const QString &language)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return;
    if (!state.originalFont)
        state.originalFont = QGuiApplication::font();
    QFont font = *state.originalFont;
    if (language == QLatin1String("zh_CN")) {
        QStringList families = font.families();
        if (families.isEmpty())
            families << font.family();
        families << QStringLiteral("Noto Sans CJK SC") << QStringLiteral("Source Han Sans SC")
                 << QStringLiteral("Microsoft YaHei UI") << QStringLiteral("PingFang SC")
                 << QStringLiteral("WenQuanYi Micro Hei");
        font.setFamilies(families);
    }
    QGuiApplication::setFont(font);
}

} // namespace

bool applyLanguage(const QString &lang)
{
    Installed &state = installed();
    const QString target = normalized(lang);
    for (auto *t : {&state.app, &state.qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
    }
    state.language = target;
    applyFont(state, target);

    auto app = std::make_unique<QTranslator>();
    const bool ok = app->load(QStringLiteral(":/i18n/memedesk_%1.qm").arg(target));
    if (ok && QCoreApplication::installTranslator(app.get()))
        state.app = std::move(app);

    // Qt's own strings (standard dialogs); optional, present only when the distro ships them.
    auto qt = std::make_unique<QTranslator>();
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (target != QLatin1String("en")
        && (qt->load(QStringLiteral("qtbase_") + target, qtDir) || qt->load(QStringLiteral("qt_") + target, qtDir))
        && QCoreApplication::installTranslator(qt.get()))
        state.qt = std::move(qt);
    return ok || target == QLatin1String("en");
}

QString savedLanguage()
{
    const QSettings settings;
    return normalized(settings.value(QLatin1String(kLanguageSettingKey)).toString());
}

void saveLanguage(const QString &lang)
{
    QSettings settings;
    settings.setValue(QLatin1String(kLanguageSettingKey), normalized(lang));
}

QString currentLanguage()
{
    return installed().language;
}

} // namespace ui
