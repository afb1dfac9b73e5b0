# Unit tests of core/services
karvan_add_test(tst_orderservice SOURCES tst_orderservice.cpp LABELS unit)
