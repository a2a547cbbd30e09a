#pragma once

#include "app/apiservice.h"

#include "engine/ports/remoteapicontrol.h"

namespace app {

//! The remote API as the engine's RemoteApiControl: Trading Config's settings, or the command
//! line's --api options for one run, turned into a running ApiService (or none).
class RemoteApi final : public engine::RemoteApiControl {
public:
    RemoteApi(engine::BotApi &api, engine::SecretStore &secrets, QString dataDir);
    ~RemoteApi() override;

    //! The options Trading Config's settings stand for (rate limits and the rest at their defaults).
    [[nodiscard]] static adapters::rest::ApiOptions optionsFor(const engine::RemoteApiSettings &settings);

    [[nodiscard]] QStringList validate(const engine::RemoteApiSettings &settings) const override;
    engine::Result<void> apply(const engine::RemoteApiSettings &settings) override;
    [[nodiscard]] engine::RemoteApiState state() const override { return m_state; }

    //! Starts with the command line's options (which win over saved settings for this run).
    //! Answers the line to print: where it listens, and how to add a first user when there is none.
    engine::Result<QString> startFromCommandLine(const adapters::rest::ApiOptions &options);
    void stop();

private:
    engine::Result<QString> start(const adapters::rest::ApiOptions &options, bool fromCommandLine);

    engine::BotApi &m_api;
    engine::SecretStore &m_secrets;
    QString m_dataDir;
    ApiService m_service;
    engine::RemoteApiState m_state;
};

} // namespace app
