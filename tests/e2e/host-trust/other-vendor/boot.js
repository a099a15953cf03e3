// Another vendor's start-up script, named as ours is: nothing of FastTrack's is beside it.
document.documentElement.dataset.otherVendor = "loaded";
