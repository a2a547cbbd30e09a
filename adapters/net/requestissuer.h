#pragma once

#include "adapters/net/httptypes.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace adapters::net {

//! Hands one attempt of `request` to Qt. Non-idempotent requests get a body Qt cannot rewind
//! (so Qt's silent re-send after a dropped connection fails instead of sending twice) and
//! never follow redirects; idempotent ones follow same-or-safer redirects.
[[nodiscard]] QNetworkReply *issueRequest(QNetworkAccessManager &manager, const HttpRequest &request,
                                          const QByteArray &defaultUserAgent);

} // namespace adapters::net
