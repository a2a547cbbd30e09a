#pragma once

class QTableView;

//! One look for every table: row selection, fixed row height, no editing.
namespace ui::tableviews {

//! Read-only, whole-row selection, alternating rows, uniform 22 px rows (cheap for huge models).
void setupCompact(QTableView *table);

} // namespace ui::tableviews
