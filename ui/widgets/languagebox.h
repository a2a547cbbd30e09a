#pragma once

#include <QGroupBox>

class QComboBox;
class QLabel;

namespace ui {

//! English / 简体中文, applied at once and saved in QSettings.
class LanguageBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit LanguageBox(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void choose(int index);

    QComboBox *m_combo;
    QLabel *m_note;
};

} // namespace ui
