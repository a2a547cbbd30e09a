#pragma once

#include "engine/api/botapi.h"

#include <QList>
#include <QWidget>

#include <utility>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ui {

class DecimalField;

//! Mode, paper cash, risk limits and strategy parameters. Apply validates every field,
//! calls BotApi::setConfig and shows the problems the engine returns.
class ConfigForm final : public QWidget {
    Q_OBJECT
public:
    explicit ConfigForm(engine::BotApi &api, QWidget *parent = nullptr);

    //! Fills the fields from a configuration (also what Revert does with the engine's).
    void load(const engine::BotConfig &config);
    //! Rebuilds the mode list; unavailable modes stay visible, disabled, with the reason.
    void setModes(const QList<engine::ModeAvailability> &modes);
    //! Validates and applies; returns true when the engine accepted the configuration.
    bool apply();
    [[nodiscard]] QString problemsText() const;

Q_SIGNALS:
    void applied();

protected:
    void changeEvent(QEvent *event) override;

private:
    DecimalField *addDecimal(QGroupBox *box, const char *label, const QString &name);
    QSpinBox *addInt(QGroupBox *box, const char *label, const QString &name, int min, int max);
    QDoubleSpinBox *addReal(QGroupBox *box, const char *label, const QString &name, double min, double max);
    void addRow(QGroupBox *box, const char *label, QWidget *field);
    void retranslateUi();
    void showProblems(const QStringList &problems);

    engine::BotApi &m_api;
    QList<std::pair<QLabel *, const char *>> m_labels;
    QGroupBox *m_general;
    QGroupBox *m_risk;
    QGroupBox *m_strategy;
    QComboBox *m_mode;
    QList<engine::ModeAvailability> m_modes;
    DecimalField *m_startingCash;
    DecimalField *m_maxOrderNotional;
    QSpinBox *m_maxOpenPositions;
    DecimalField *m_dailyLossLimit;
    DecimalField *m_stopLoss;
    DecimalField *m_takeProfit;
    DecimalField *m_trailingStop;
    QSpinBox *m_maxOrdersPerMinute;
    DecimalField *m_orderNotional;
    QDoubleSpinBox *m_entryScore;
    QDoubleSpinBox *m_exitScore;
    QSpinBox *m_emaFast;
    QSpinBox *m_emaSlow;
    QSpinBox *m_rsiPeriod;
    QSpinBox *m_socialWindow;
    QSpinBox *m_socialBaseline;
    QDoubleSpinBox *m_weightMomentum;
    QDoubleSpinBox *m_weightVolume;
    QDoubleSpinBox *m_weightSocial;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QLabel *m_problems;
    QStringList m_lastProblems;
    enum class Outcome { None, Applied, FieldErrors, Rejected } m_outcome = Outcome::None;
};

} // namespace ui
