#pragma once

#include <QFrame>

class QLabel;

namespace ui {

//! A small tile with a caption and one big figure (dashboard).
class StatCard final : public QFrame {
    Q_OBJECT
public:
    //! `name` prefixes the object names of the value label ("<name>Value") for tests.
    explicit StatCard(const QString &name, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setValue(const QString &value, const QColor &color = {});
    void setDetail(const QString &detail);
    [[nodiscard]] QString value() const;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace ui
