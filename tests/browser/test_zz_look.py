from tests.browser.test_player import TRACK
def test_look(page, demo_server):
    page.goto(demo_server + TRACK)
    page.wait_for_timeout(1500)
    print(page.evaluate("""() => { const t = document.querySelector('.player-bar .transport') || document.querySelector('.transport'); const out=[t.className, t.offsetHeight, document.documentElement.style.cssText]; for (const c of t.children) out.push([c.tagName, c.className, c.offsetHeight]); return out }"""))
    page.screenshot(path="/tmp/look-1280.png")
