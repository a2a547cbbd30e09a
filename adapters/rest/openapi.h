#pragma once

#include "adapters/rest/apiroute.h"

#include <QJsonObject>

namespace adapters::rest {

//! The OpenAPI 3.0 document of `routes`: paths with their parameters, request bodies, success and
//! error answers, the bearer security scheme on every route that needs a role (named in
//! x-required-role), and the shared error schema.
[[nodiscard]] QJsonObject buildOpenApi(const QList<RouteSpec> &routes, const QString &version);

} // namespace adapters::rest
