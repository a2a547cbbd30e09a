#pragma once

// QCOMPARE for engine enums, by name, so a failure prints "FILLED" vs "REJECTED".
#include "engine/core/enums.h"

#include <QTest>

#define QCOMPARE_ENUM(actual, expected) QCOMPARE(engine::toString(actual), engine::toString(expected))
#define QTRY_COMPARE_ENUM(actual, expected) QTRY_COMPARE(engine::toString(actual), engine::toString(expected))
