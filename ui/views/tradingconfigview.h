#pragma once

#include "engine/api/botapi.h"

#include <QWidget>

#include <memory>

namespace ui {

class BotModel;

class ApiKeysBox;
class ConfigForm;
class EngineControlBox;
class LanguageBox;
class RemoteApiBox;
class VenueSettingsBox;

//! Engine controls, trading configuration, API keys, the Binance connection, the remote API and language.
class TradingConfigView final : public QWidget {
    Q_OBJECT
public:
    explicit TradingConfigView(BotModel &model, QWidget *parent = nullptr);
    ~TradingConfigView() override;

    //! Pulls the engine status and the available modes.
    void refresh();
    [[nodiscard]] ConfigForm *form() const { return m_form; }

private:
    void updateModes();

    engine::BotApi &m_api;
    EngineControlBox *m_control;
    ConfigForm *m_form;
    ApiKeysBox *m_keys;
    VenueSettingsBox *m_venue;
    RemoteApiBox *m_remote;
    LanguageBox *m_language;
    QList<engine::ModeAvailability> m_modes;
};

} // namespace ui
