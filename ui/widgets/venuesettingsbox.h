#pragma once

#include "engine/api/botapi.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ui {

//! Binance set-up in Trading Config: where to connect (production, testnet or any address, for
//! REST, the market streams and the WebSocket API), the watchlist of symbols the bot trades (found
//! by searching the exchange's list, USDT meme pairs first, each with its trading rules), and a
//! "Test connection" that says in plain words what the stored API key may do. A saved watchlist is
//! taken by a running Binance session at once; new addresses need a new session.
class VenueSettingsBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit VenueSettingsBox(engine::BotApi &api, QWidget *parent = nullptr);

    //! The settings as entered (URLs and watchlist), not yet saved.
    [[nodiscard]] QHash<QString, QString> entered() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void load();
    void applyPreset(int index);
    void save();
    void testConnection();
    void loadSymbols();
    void filterSymbols();
    void showRules(const QString &symbol);
    void addSelected();
    void removeSelected();
    void setMessage(QLabel *label, const QString &text, bool error);

    engine::BotApi &m_api;
    QComboBox *m_preset;
    QLineEdit *m_rest;
    QLineEdit *m_stream;
    QLineEdit *m_wsApi;
    QLabel *m_presetLabel;
    QLabel *m_restLabel;
    QLabel *m_streamLabel;
    QLabel *m_wsApiLabel;
    QPushButton *m_save;
    QPushButton *m_test;
    QLabel *m_message;
    QLabel *m_testResult;
    QLabel *m_watchTitle;
    QListWidget *m_watchlist;
    QPushButton *m_remove;
    QLineEdit *m_search;
    QPushButton *m_load;
    QListWidget *m_found;
    QPushButton *m_add;
    QLabel *m_rules;
    QList<engine::VenueSymbol> m_symbols;
};

} // namespace ui
