# Unit tests of core/store: karvan_add_test(tst_x SOURCES tst_x.cpp LABELS unit)
karvan_add_test(tst_searchtext SOURCES tst_searchtext.cpp LABELS unit)
karvan_add_test(tst_customersearch SOURCES tst_customersearch.cpp LABELS unit)
karvan_add_test(tst_localstore SOURCES tst_localstore.cpp LABELS unit)
karvan_add_test(tst_repositories SOURCES tst_repositories.cpp LABELS unit)
karvan_add_test(tst_todayquery SOURCES tst_todayquery.cpp servicefixture.h
                LIBS karvan_sync LABELS unit)
