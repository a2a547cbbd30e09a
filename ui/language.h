#pragma once

#include <QString>

namespace ui {

//! QSettings key holding the chosen UI language ("en", "zh_CN").
inline constexpr const char *kLanguageSettingKey = "ui/language";

//! Installs the translators for `lang` ("en", "zh_CN"; empty = system locale) and removes
//! the previous ones; widgets retranslate on the LanguageChange event. Returns false when
//! no catalogue exists for the language (the UI then stays in English).
bool applyLanguage(const QString &lang);
//! The language saved in QSettings, or the system locale's when none was saved.
[[nodiscard]] QString savedLanguage();
//! Saves the choice for the next start.
void saveLanguage(const QString &lang);
//! The language currently applied ("en" until applyLanguage() runs).
[[nodiscard]] QString currentLanguage();

} // namespace ui
