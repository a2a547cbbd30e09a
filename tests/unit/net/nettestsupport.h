#pragma once

// Settings and helpers shared by the adapters/net tests: fast, deterministic backoff (a fixed
// "random" draw), a collector for HTTP responses, and a port where nothing listens.
#include "adapters/net/httpclient.h"
#include "adapters/net/websocketoptions.h"

#include <QHostAddress>
#include <QTcpServer>

#include <vector>

namespace nettest {

inline adapters::net::HttpClientConfig fastConfig()
{
    adapters::net::HttpClientConfig c;
    c.backoff = adapters::net::BackoffPolicy{20, 2.0, 100, true};
    c.random = [] { return 0.5; };
    c.defaultTimeoutMs = 5000;
    c.maxAttempts = 3;
    return c;
}

inline adapters::net::WebSocketOptions fastOptions()
{
    adapters::net::WebSocketOptions o;
    o.reconnectBackoff = adapters::net::BackoffPolicy{50, 2.0, 200, true};
    o.random = [] { return 0.5; };
    o.pingIntervalMs = 0;
    o.connectTimeoutMs = 3000;
    o.maxMessagesPerWindow = 50;
    return o;
}

//! Collects every response a client delivers.
struct Results {
    std::vector<adapters::net::HttpResponse> list;
    adapters::net::HttpClient::Callback collect()
    {
        return [this](const adapters::net::HttpResponse &r) { list.push_back(r); };
    }
};

//! A port on 127.0.0.1 where nothing listens (connections are refused).
inline quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace nettest
