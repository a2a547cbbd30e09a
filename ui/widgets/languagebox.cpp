#include "ui/widgets/languagebox.h"

#include "ui/language.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace ui {

LanguageBox::LanguageBox(QWidget *parent)
    : QGroupBox(parent)
    , m_combo(new QComboBox(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("languageBox"));
    m_combo->setObjectName(QStringLiteral("languageCombo"));
    // Language names are written in their own language, never translated.
    m_combo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_combo->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(currentLanguage())));
    m_note->setProperty("role", QStringLiteral("muted"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_combo);
    layout->addWidget(m_note, 1);
    connect(m_combo, &QComboBox::activated, this, &LanguageBox::choose);
    retranslateUi();
}

void LanguageBox::choose(int index)
{
    const QString lang = m_combo->itemData(index).toString();
    saveLanguage(lang);
    applyLanguage(lang); // every widget retranslates on the LanguageChange event
}

void LanguageBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void LanguageBox::retranslateUi()
{
    setTitle(tr("Language"));
    m_note->setText(tr("Applies immediately and is remembered for the next start."));
    const int index = m_combo->findData(currentLanguage());
    if (index >= 0 && index != m_combo->currentIndex())
        m_combo->setCurrentIndex(index);
}

} // namespace ui
