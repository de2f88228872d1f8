#include "page_assets.hpp"

#include <string>

namespace docpipe::html_export {

namespace {

// Fonts: the CJK faces Debian, macOS and Windows ship, serif for reading, sans for the apparatus.
constexpr std::string_view shared_css = R"CSS(
:root{--ink:#1d232b;--muted:#5b6573;--line:#dfe3e8;--paper:#fbfaf7;--panel:#f2f4f7;--accent:#1f5f9e;
--num:#fff1c2;--num-line:#d9a400;--gl:#1f5f9e;--rep:#b0457a;--warn:#c0392b;
--serif:"Noto Serif CJK SC","Noto Serif CJK TC","Source Han Serif SC","Songti SC","SimSun",serif;
--sans:"Noto Sans CJK SC","Noto Sans CJK TC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;background:var(--paper);color:var(--ink);font-family:var(--sans);line-height:1.6}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{padding:.3rem .45rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);cursor:pointer;user-select:none;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.val{white-space:nowrap}
)CSS";

constexpr std::string_view page_css = R"CSS(
header.doc-head{padding:1.2rem 2rem .8rem;border-bottom:1px solid var(--line);background:#fff}
header.doc-head h1{font-family:var(--serif);font-size:1.6rem;margin:0 0 .3rem;line-height:1.35}
.meta{color:var(--muted);margin:0 0 .4rem;font-size:.9rem}
.counts{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;margin:0;padding:0;font-size:.85rem;color:var(--muted)}
.counts b{color:var(--ink);font-variant-numeric:tabular-nums}
.toggles{margin-top:.5rem;font-size:.85rem;color:var(--muted)}
.toggles label{margin-right:1rem;cursor:pointer}
.layout{display:grid;grid-template-columns:15rem minmax(0,1fr) 26rem;gap:0;align-items:start}
nav#toc{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem .8rem 2rem 1.2rem;font-size:.85rem;border-right:1px solid var(--line)}
nav#toc h2,aside h2{font-size:.8rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:.2rem 0 .5rem}
nav#toc ol{list-style:none;margin:0;padding:0}
nav#toc li{margin:.15rem 0;line-height:1.4}
nav#toc li.l2{padding-left:1em}nav#toc li.l3{padding-left:2em}nav#toc li.l4,nav#toc li.l5,nav#toc li.l6{padding-left:3em}
nav#toc a{text-decoration:none;color:var(--ink)}nav#toc a:hover{color:var(--accent);text-decoration:underline}
main{padding:1.5rem 2rem 4rem;min-width:0}
article,#glossary{max-width:42em;margin:0 auto;font-family:var(--serif);font-size:1.06rem;line-height:1.95;text-align:justify}
article p{margin:0 0 1em;text-indent:2em}
article h2,article h3,article h4,article h5,article h6{font-family:var(--sans);line-height:1.45;margin:1.6em 0 .6em;text-align:left}
article h2{font-size:1.3rem}article h3{font-size:1.12rem}article h4,article h5,article h6{font-size:1rem}
article .doc-title{font-size:1.45rem;text-align:center;margin:0 0 1.2em}
:target{animation:flash 1.6s ease-out}
@keyframes flash{from{background:#ffe08a}to{background:transparent}}
.num{background:var(--num);border-bottom:1px solid var(--num-line);border-radius:2px;cursor:help}
.num-date,.num-year,.num-ordinal,.num-name{background:none;border-bottom:1px dotted #b9c0c8}
.ind{box-shadow:inset 0 -2px 0 #2e8b57}
.gl{text-decoration:underline;text-decoration-color:var(--gl);text-decoration-thickness:2px;text-underline-offset:.25em;cursor:pointer;color:inherit}
.gl-marker{white-space:nowrap;color:var(--gl);font-size:.8em;vertical-align:super;line-height:0;text-decoration:none;font-family:var(--sans)}
.gl:focus{outline:2px solid var(--gl);outline-offset:1px}
.unres{white-space:nowrap;color:var(--warn);text-decoration:underline wavy var(--warn);cursor:help;font-weight:600}
.unres::before{content:"⚠";font-size:.75em;margin-right:.1em}
.rep{border-bottom:1.5px dotted var(--rep);cursor:help}
.ann{border-bottom:1px dashed #7a869a;cursor:help}
.rep.del{display:inline-block;width:.3em;height:1em;vertical-align:-.1em;border:0;border-left:1.5px solid var(--rep);opacity:.7}
body.hide-num .num{background:none;border:0}
body.hide-rep .rep{border:0}body.hide-rep .rep.del{display:none}
body.hide-gl .gl{text-decoration:none}
aside#panel{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem 1.2rem 2rem;background:var(--panel);border-left:1px solid var(--line);font-size:.85rem}
aside section{margin-bottom:1.4rem}
.status{display:table;margin:.15rem 0 0 auto;padding:0 .35em;border-radius:3px;font-size:.72rem;background:#e4e7eb}
#indicator-table{table-layout:fixed}#indicator-table col.c-year{width:3.6rem}#indicator-table col.c-val{width:8.6rem}
.status-target{background:#dbeafe;color:#1e40af}.status-actual{background:#dcfce7;color:#166534}.status-estimate{background:#fef3c7;color:#92400e}
.canon{display:block;color:var(--muted);font-size:.72rem}
tr[data-target]{cursor:pointer}tr[data-target]:hover{background:#e8edf3}
.empty{color:var(--muted);font-style:italic}
.warn{color:var(--warn)}
#glossary{margin-top:3rem;border-top:1px solid var(--line);padding-top:1rem}
#glossary h2{font-family:var(--sans);font-size:1.2rem}
#glossary dt{font-weight:700;font-family:var(--sans);margin-top:.8em}
#glossary dd{margin:0 0 0 2em}
#glossary .origin{font-weight:400;color:var(--muted);font-size:.8em}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{margin:.2rem 0}
details summary{cursor:pointer;color:var(--muted)}
.diag-error{color:var(--warn)}.diag-warning{color:#9a6700}
#popup{position:absolute;z-index:10;max-width:26rem;padding:.55rem .75rem;background:#fff;color:var(--ink);
border:1px solid #c9cfd6;border-radius:6px;box-shadow:0 6px 24px rgba(20,30,40,.18);font:14px/1.55 var(--sans)}
#popup .term{font-weight:700;display:block;margin-bottom:.2rem}
#popup a{display:inline-block;margin-top:.3rem;font-size:.85em}
@media (max-width:1100px){.layout{grid-template-columns:minmax(0,1fr)}nav#toc,aside#panel{position:static;max-height:none;border:0}}
@page{margin:18mm 16mm}
@media print{
 body{background:#fff;font-size:11pt}
 .layout{display:block}
 nav#toc,.toggles,#popup{display:none!important}
 aside#panel{position:static;max-height:none;background:#fff;border:0;break-before:page}
 main{padding:0}
 article,#glossary{max-width:none;font-size:11pt;line-height:1.7}
 .num{background:none;border-bottom:1px solid #999}
 .rep.del{display:none}
 a{color:inherit;text-decoration:none}
 h2,h3,h4{break-after:avoid}
}
)CSS";

constexpr std::string_view page_js = R"JS(
(function(){
'use strict';
var pop=document.getElementById('popup');
var pinned=null;
function entryOf(el){return document.getElementById('g-'+el.getAttribute('data-g'));}
function fill(el){
  pop.textContent='';
  if(el.hasAttribute('data-g')){
    var dt=entryOf(el);if(!dt)return false;
    var dd=dt.nextElementSibling;
    var t=document.createElement('span');t.className='term';t.textContent=dt.getAttribute('data-term');pop.appendChild(t);
    var d=document.createElement('span');d.className='def';d.textContent=dd?dd.textContent:'';pop.appendChild(d);
    var a=document.createElement('a');a.href='#'+dt.id;a.textContent='→ 名词解释';pop.appendChild(a);
  }else{pop.textContent=el.getAttribute('data-tip');}
  return true;
}
function show(el,pin){
  if(!fill(el))return;
  pop.hidden=false;pop.setAttribute('data-for',el.getAttribute('data-g')!==null?'g-'+el.getAttribute('data-g'):'tip');
  var r=el.getBoundingClientRect(),w=pop.offsetWidth;
  var left=Math.max(8,Math.min(window.scrollX+r.left,window.scrollX+document.documentElement.clientWidth-w-8));
  pop.style.left=left+'px';pop.style.top=(window.scrollY+r.bottom+6)+'px';
  pinned=pin?el:null;
}
function hide(){pop.hidden=true;pinned=null;}
function target(e){return e.target.closest?e.target.closest('[data-g],[data-tip]'):null;}
document.addEventListener('mouseover',function(e){var t=target(e);if(t&&!pinned)show(t,false);});
document.addEventListener('mouseout',function(e){var t=target(e);if(t&&!pinned&&!t.contains(e.relatedTarget))hide();});
document.addEventListener('focusin',function(e){var t=target(e);if(t)show(t,false);});
document.addEventListener('click',function(e){
  if(pop.contains(e.target))return;
  var t=target(e);
  if(t&&t.hasAttribute('data-g')){e.preventDefault();show(t,true);return;}
  var row=e.target.closest&&e.target.closest('tr[data-target]');
  if(row&&e.target.tagName!=='A'){location.hash=row.getAttribute('data-target');}
  hide();
});
document.addEventListener('keydown',function(e){
  if(e.key==='Escape')hide();
  var t=target(e);
  if(t&&(e.key==='Enter'||e.key===' ')&&t.hasAttribute('data-g')){e.preventDefault();show(t,true);}
});
Array.prototype.forEach.call(document.querySelectorAll('.toggles input'),function(box){
  box.addEventListener('change',function(){document.body.classList.toggle('hide-'+box.value,!box.checked);});
});
Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(table){
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
    th.addEventListener('click',function(){
      var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      var dir=th.getAttribute('data-dir')==='asc'?-1:1;th.setAttribute('data-dir',dir>0?'asc':'desc');
      rows.sort(function(a,b){
        var x=a.cells[col].getAttribute('data-sort')||a.cells[col].textContent,y=b.cells[col].getAttribute('data-sort')||b.cells[col].textContent;
        var nx=parseFloat(x),ny=parseFloat(y);
        if(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x.trim()&&String(ny)===y.trim())return (nx-ny)*dir;
        return x.localeCompare(y,'zh')*dir;});
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
});
})();
)JS";

constexpr std::string_view index_only_css = R"CSS(
main.index{max-width:80rem;margin:0 auto;padding:1.5rem 2rem 4rem}
main.index h1{font-family:var(--serif);font-size:1.6rem;margin:0 0 .3rem}
main.index p{color:var(--muted);margin:0 0 1rem}
#filter{width:22rem;max-width:100%;padding:.4rem .6rem;border:1px solid var(--line);border-radius:4px;font:inherit;margin-bottom:.8rem}
td.title a{text-decoration:none;font-family:var(--serif)}
td.title a:hover{text-decoration:underline}
td.flag{color:var(--warn);font-weight:600}
@media print{#filter{display:none}}
)CSS";

constexpr std::string_view index_only_js = R"JS(
(function(){
'use strict';
var box=document.getElementById('filter'),table=document.getElementById('docs');
box.addEventListener('input',function(){
  var q=box.value.trim().toLowerCase();
  Array.prototype.forEach.call(table.tBodies[0].rows,function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});
});
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
  th.addEventListener('click',function(){
    var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
    var dir=th.getAttribute('data-dir')==='asc'?-1:1;th.setAttribute('data-dir',dir>0?'asc':'desc');
    var numeric=th.classList.contains('n');
    rows.sort(function(a,b){
      var x=a.cells[col].textContent,y=b.cells[col].textContent;
      return (numeric?(parseFloat(x)||0)-(parseFloat(y)||0):x.localeCompare(y,'zh'))*dir;});
    rows.forEach(function(r){body.appendChild(r);});
  });
});
})();
)JS";

std::string join(std::string_view a, std::string_view b) {
  std::string s(a);
  s += b;
  return s;
}

}  // namespace

std::string_view document_css() {
  static const std::string css = join(shared_css, page_css);
  return css;
}
std::string_view document_js() { return page_js; }
std::string_view index_css() {
  static const std::string css = join(shared_css, index_only_css);
  return css;
}
std::string_view index_js() { return index_only_js; }

}  // namespace docpipe::html_export
