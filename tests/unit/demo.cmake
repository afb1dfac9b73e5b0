# Unit tests of core/demo: karvan_add_test(tst_x SOURCES tst_x.cpp LABELS unit)
karvan_add_test(tst_demogenerator SOURCES tst_demogenerator.cpp LABELS unit)
