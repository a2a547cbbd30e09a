#pragma once

#include <QString>

namespace testsupport {

//! Folder of the shared real data (../shared/data); empty when it is absent.
QString sharedDataDir();
//! Where tests save artefacts (screenshots, logs): build/test-output.
QString testOutputDir();
//! Small committed fixtures: tests/data.
QString testDataDir();
//! A fresh temporary folder that lives until the process ends.
QString makeTempDir(const QString &prefix);

} // namespace testsupport
