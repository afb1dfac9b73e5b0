# Unit tests of core/domain
karvan_add_test(tst_money SOURCES tst_money.cpp LABELS unit)
karvan_add_test(tst_quantity SOURCES tst_quantity.cpp LABELS unit)
karvan_add_test(tst_ids SOURCES tst_ids.cpp LABELS unit)
karvan_add_test(tst_wirerows SOURCES tst_wirerows.cpp LABELS unit)
