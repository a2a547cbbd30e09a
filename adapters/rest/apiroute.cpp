#include "adapters/rest/apiroute.h"

#include <QJsonArray>

namespace adapters::rest {

QString accessName(Access access)
{
    switch (access) {
    case Access::Public: return QStringLiteral("public");
    case Access::Viewer: return QStringLiteral("viewer");
    case Access::Trader: return QStringLiteral("trader");
    case Access::Admin: return QStringLiteral("admin");
    }
    return {};
}

QString ApiCall::param(const QString &name) const
{
    if (const auto it = m_pathParams.constFind(name); it != m_pathParams.cend())
        return it.value();
    return m_query.value(name);
}

bool ApiCall::hasParam(const QString &name) const
{
    return m_pathParams.contains(name) || m_query.contains(name);
}

qint64 ApiCall::intParam(const QString &name, qint64 fallback) const
{
    bool ok = false;
    const qint64 value = param(name).toLongLong(&ok);
    return ok ? value : fallback;
}

namespace schema {

namespace {
QJsonObject typed(const char *type, const QString &description)
{
    QJsonObject o{{QStringLiteral("type"), QLatin1String(type)}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

bool matches(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("integer"))
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble())) && std::abs(value.toDouble()) < 9e15;
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    return false;
}
} // namespace

QJsonObject string(const QString &description) { return typed("string", description); }
QJsonObject integer(const QString &description) { return typed("integer", description); }
QJsonObject number(const QString &description) { return typed("number", description); }
QJsonObject boolean(const QString &description) { return typed("boolean", description); }
QJsonObject anyObject(const QString &description) { return typed("object", description); }

QJsonObject decimal(const QString &description)
{
    QJsonObject o = typed("string", description);
    o.insert(QStringLiteral("pattern"), QStringLiteral("^[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?$"));
    o.insert(QStringLiteral("format"), QStringLiteral("decimal"));
    return o;
}

QJsonObject object(const QJsonObject &properties, const QStringList &required)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("properties"), properties},
                  {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty())
        o.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return o;
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject page(const QJsonObject &items)
{
    return object({{QStringLiteral("items"), arrayOf(items)},
                   {QStringLiteral("total"), integer(QStringLiteral("items matching the filters"))},
                   {QStringLiteral("offset"), integer()},
                   {QStringLiteral("limit"), integer()}});
}

QStringList validate(const QJsonObject &value, const QJsonObject &schema)
{
    QStringList problems;
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    const bool closed = schema.contains(QStringLiteral("properties")) && !schema.value(QStringLiteral("additionalProperties")).toBool(true);
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString name = it.key().left(64);
        if (!properties.contains(it.key())) {
            if (closed)
                problems << QStringLiteral("unknown field \"%1\"").arg(name);
            continue;
        }
        const QString type = properties.value(it.key()).toObject().value(QStringLiteral("type")).toString();
        if (!matches(it.value(), type))
            problems << QStringLiteral("\"%1\" must be a %2").arg(name, type);
    }
    for (const QJsonValue &needed : schema.value(QStringLiteral("required")).toArray()) {
        if (!value.contains(needed.toString()))
            problems << QStringLiteral("\"%1\" is required").arg(needed.toString());
    }
    return problems;
}

} // namespace schema

QList<ParamSpec> pagingParams()
{
    return {{QStringLiteral("offset"), ParamSpec::In::Query, ParamSpec::Type::Integer, QStringLiteral("rows to skip (default 0)"), 0, 1'000'000'000, {}},
            {QStringLiteral("limit"), ParamSpec::In::Query, ParamSpec::Type::Integer,
             QStringLiteral("rows to return (default %1, at most %2)").arg(kDefaultPageSize).arg(kMaxPageSize), 1, kMaxPageSize, {}}};
}

QJsonObject pageOf(const ApiCall &call, const QList<QJsonObject> &items)
{
    const qint64 offset = call.intParam(QStringLiteral("offset"), 0);
    const qint64 limit = call.intParam(QStringLiteral("limit"), kDefaultPageSize);
    QJsonArray page;
    for (qint64 i = offset; i < items.size() && i < offset + limit; ++i)
        page.append(items[int(i)]);
    return {{QStringLiteral("items"), page},
            {QStringLiteral("total"), qint64(items.size())},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("limit"), limit}};
}

ParamSpec queryParam(const QString &name, const QString &description, const QStringList &allowed)
{
    return {name, ParamSpec::In::Query, ParamSpec::Type::String, description, 0, 0, allowed};
}

ParamSpec intParam(const QString &name, const QString &description, qint64 minimum, qint64 maximum)
{
    return {name, ParamSpec::In::Query, ParamSpec::Type::Integer, description, minimum, maximum, {}};
}

bool isSymbol(const QString &text)
{
    if (text.size() < 2 || text.size() > 20)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')); });
}

} // namespace adapters::rest
