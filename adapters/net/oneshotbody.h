#pragma once

#include <QIODevice>

namespace adapters::net {

//! A request body that can be read once and never rewound. Qt's HTTP stack silently re-sends
//! a request when the connection closes before the answer; for a non-idempotent request
//! (placing an order) that could place it twice. Qt rewinds the body before re-sending, so a
//! body that refuses to rewind turns that re-send into an error we classify instead.
class OneShotBody final : public QIODevice {
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override;
    bool reset() override { return false; }
    [[nodiscard]] qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace adapters::net
