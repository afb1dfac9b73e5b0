# Sources of core/demo (target_sources(karvan_core PRIVATE ...))
target_sources(karvan_core PRIVATE
  demo/demogenerator.h demo/demogenerator.cpp
  demo/demorun.h
  demo/demorandom.h
  demo/demolocale.h demo/demolocale.cpp
  demo/democatalog.cpp
  demo/democustomers.cpp
  demo/demohistory.h demo/demohistory.cpp
  demo/demoservice.cpp
  demo/storedemosink.h demo/storedemosink.cpp
)
