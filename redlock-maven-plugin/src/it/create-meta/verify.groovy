// Checks what the three invocations of invoker.properties left behind.
def meta = new File(basedir, 'src/main/java/com/example/shop/MetaRedlock.java')
def info = new File(basedir, 'src/main/java/com/example/shop/package-info.java')
assert meta.text.contains('@RedlockResources(lock = {"order", "user-{userId}"}, isolate = {})')
assert info.text.contains('@Module("shop")')

def log = new File(basedir, 'build.log').text
assert log.contains("created ${meta}")
assert log.contains("created ${info}")
// the second run: a clear failure naming the file, and the file untouched
assert log.contains("RL4004: ${meta}: exists already; refusing to overwrite it")
// the third: the test ran and passed
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.shop.ShopLockTest.xml')
assert report.isFile()
assert report.text.contains('tests="1"') && report.text.contains('failures="0"') && report.text.contains('errors="0"')
return true
