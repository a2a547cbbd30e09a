<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ui::AboutDialog</name>
    <message>
        <location filename="../ui/widgets/aboutdialog.cpp" line="+37"/>
        <source>About Memedesk</source>
        <translation>关于 Memedesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Native terminal for automated meme-coin trading</source>
        <translation>自动化 Meme 币交易终端</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Built</source>
        <translation>构建日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Memedesk: copyright the Memedesk developers, all rights reserved. It runs on this third-party software:</source>
        <translation>Memedesk：版权归 Memedesk 开发者所有，保留所有权利。它运行于以下第三方软件之上：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The licence texts: /usr/share/doc/memedesk/copyright for Memedesk and the lexicon, and each library&apos;s own package for the rest (Linux).</source>
        <translation>许可证全文：Memedesk 和词典见 /usr/share/doc/memedesk/copyright，其余见各库自己的软件包（Linux）。</translation>
    </message>
</context>
<context>
    <name>ui::ApiKeysBox</name>
    <message>
        <location filename="../ui/widgets/apikeysbox.cpp" line="+94"/>
        <source>Type the API key and secret first.</source>
        <translation>请先输入 API 密钥和私钥。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving to the keychain…</source>
        <translation>正在保存到钥匙串…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete API keys</source>
        <translation>删除 API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the Binance API key and secret from the keychain? Live trading will be unavailable.</source>
        <translation>要从钥匙串中删除币安 API 密钥和私钥吗？删除后将无法进行实盘交易。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deleting from the keychain…</source>
        <translation>正在从钥匙串中删除…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keychain error: %1</source>
        <translation>钥匙串错误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keys deleted.</source>
        <translation>密钥已删除。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys saved to the keychain.</source>
        <translation>密钥已保存到钥匙串。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stored (••••••)</source>
        <translation>已保存（••••••）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keychain error</source>
        <translation>钥匙串错误</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Binance API keys</source>
        <translation>币安 API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API secret</source>
        <translation>API 私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paste a new API key</source>
        <translation>粘贴新的 API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paste a new API secret</source>
        <translation>粘贴新的 API 私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to keychain</source>
        <translation>保存到钥匙串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete keys</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys go straight to the operating system&apos;s keychain. Memedesk never shows them again, never writes them to files or logs. Use a key without withdrawal permission.</source>
        <translation>密钥直接保存到操作系统的钥匙串中。Memedesk 不会再次显示它们，也不会写入文件或日志。请使用没有提现权限的密钥。</translation>
    </message>
</context>
<context>
    <name>ui::BacktestRows</name>
    <message>
        <location filename="../ui/models/backtestrows.cpp" line="+20"/>
        <source>Final equity</source>
        <translation>期末权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total return</source>
        <translation>总收益率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CAGR</source>
        <translation>年化复合收益率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volatility (annual)</source>
        <translation>波动率（年化）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharpe</source>
        <translation>夏普比率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sortino</source>
        <translation>索提诺比率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest drawdown</source>
        <translation>最长回撤</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n 根K线</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calmar</source>
        <translation>卡玛比率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trades</source>
        <translation>交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit factor</source>
        <translation>盈亏比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average win</source>
        <translation>平均盈利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average loss</source>
        <translation>平均亏损</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exposure</source>
        <translation>持仓时间占比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars</source>
        <translation>K线数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaps in the data</source>
        <translation>数据缺口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zero-volume bars</source>
        <translation>零成交量K线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders denied by risk</source>
        <translation>被风控拒绝的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>#%1 %2 %3(%4): %5</source>
        <translation>#%1 %2 %3(%4)：%5</translation>
    </message>
</context>
<context>
    <name>ui::BacktestView</name>
    <message>
        <location filename="../ui/views/backtestview.cpp" line="+220"/>
        <source>Bars to replay</source>
        <translation>要回放的K线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pick a CSV file of bars.</source>
        <translation>请选择一个K线 CSV 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name at least one symbol.</source>
        <translation>请至少填写一个交易对。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The end of the range is before its start.</source>
        <translation>范围的结束早于开始。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fee and slippage are fractions below 1 (0.001 = 0.1 %); the capital is above 0.</source>
        <translation>手续费和滑点是小于 1 的比例（0.001 = 0.1 %）；本金须大于 0。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backtest failed: %1</source>
        <translation>回测失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n bar(s) in %1 s.</source>
        <translation>
            <numerusform>%n 根K线，用时 %1 秒。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The candles are not kept with past runs: run it again to see them.</source>
        <translation>以往的回测不保存K线：再运行一次即可看到。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Bars (CSV)</source>
        <translation>K线（CSV）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memedesk OHLCV or Binance klines</source>
        <translation>Memedesk OHLCV 或币安K线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbols</source>
        <translation>交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One symbol, or several separated by commas: they trade from one account</source>
        <translation>一个交易对，或用逗号分隔的多个：它们共用一个账户交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slippage</source>
        <translation>滑点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capital</source>
        <translation>本金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fills</source>
        <translation>成交方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference: next open ± slippage</source>
        <translation>参考规则：下一根开盘价 ± 滑点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order book: the paper venue&apos;s walk</source>
        <translation>订单簿：模拟交易所逐档成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference fills are the documented rules any other tool can reproduce; the order book model fills like paper trading, against a book made from each bar&apos;s open and volume</source>
        <translation>参考规则是文档中写明、任何工具都能复现的规则；订单簿模型像模拟交易那样成交，对手盘由每根K线的开盘价和成交量生成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run backtest</source>
        <translation>运行回测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RUNS (pick two to compare)</source>
        <translation>回测记录（选两个进行比较）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trades</source>
        <translation>交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry</source>
        <translation>开仓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entry price</source>
        <translation>开仓价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exit</source>
        <translation>平仓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exit price</source>
        <translation>平仓价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PnL</source>
        <translation>盈亏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
</context>
<context>
    <name>ui::CandleChart</name>
    <message>
        <location filename="../ui/widgets/candlechart.cpp" line="+87"/>
        <source>Run a backtest to see its bars and trades here.</source>
        <translation>运行回测后，这里会显示K线和交易。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>These bars have no usable prices.</source>
        <translation>这些K线没有可用的价格。</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1  O %2  H %3  L %4  C %5</source>
        <translation>%1  开 %2  高 %3  低 %4  收 %5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2 bars · wheel to zoom, drag to pan</source>
        <translation>%1 · %2 根K线 · 滚轮缩放，拖动平移</translation>
    </message>
</context>
<context>
    <name>ui::ConfigForm</name>
    <message>
        <location filename="../ui/widgets/configform.cpp" line="+68"/>
        <source>Trading mode</source>
        <translation>交易模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper starting cash</source>
        <translation>模拟初始资金</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Max order notional</source>
        <translation>单笔订单最大金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max open positions</source>
        <translation>最大持仓数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily loss limit</source>
        <translation>每日亏损上限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop-loss</source>
        <translation>止损</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take-profit</source>
        <translation>止盈</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trailing stop (0 = off)</source>
        <translation>移动止损（0 = 关闭）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Max orders per minute</source>
        <translation>每分钟最多订单数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order notional</source>
        <translation>每笔下单金额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entry score (buy above)</source>
        <translation>入场分数（高于此值买入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit score (sell below)</source>
        <translation>离场分数（低于此值卖出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fast EMA (candles)</source>
        <translation>快速 EMA（K 线根数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow EMA (candles)</source>
        <translation>慢速 EMA（K 线根数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSI period (candles)</source>
        <translation>RSI 周期（K 线根数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social window (min)</source>
        <translation>社交近期窗口（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social baseline (min)</source>
        <translation>社交基线窗口（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight: momentum</source>
        <translation>权重：动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight: volume</source>
        <translation>权重：成交量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight: social</source>
        <translation>权重：社交</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Switch to live trading?</source>
        <translation>切换到实盘交易？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live mode places real orders with real money on the exchange, within the risk limits above. The current session stops first; press Start afterwards to reconcile and trade.</source>
        <translation>实盘模式会在交易所用真实资金下单，并受上方风险限额约束。当前会话会先停止；之后按“启动”进行对账并开始交易。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live trading was not confirmed.</source>
        <translation>未确认实盘交易。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Configuration applied and saved.</source>
        <translation>配置已应用并保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix the highlighted fields, then apply again.</source>
        <translation>请修正标红的字段后再应用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The engine did not apply the configuration:</source>
        <translation>引擎未应用该配置：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk limits</source>
        <translation>风险限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy: momentum + volume + social</source>
        <translation>策略：动量 + 成交量 + 社交</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live trading needs Binance API keys in the keychain</source>
        <translation>实盘交易需要钥匙串中存有币安 API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell when the price falls this far below the entry</source>
        <translation>价格跌破入场价达到此幅度时卖出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell when the price rises this far above the entry</source>
        <translation>价格高于入场价达到此幅度时卖出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell when the price falls this far below its peak since entry</source>
        <translation>价格从入场后的最高点回落达到此幅度时卖出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Realized plus unrealized loss today that halts trading</source>
        <translation>今日已实现加未实现亏损达到此值时暂停交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buy when the fused signal score is above this (-1 to 1)</source>
        <translation>综合信号分数高于此值时买入（-1 到 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell an open position when the score falls below this</source>
        <translation>分数低于此值时卖出持仓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
</context>
<context>
    <name>ui::CrashNotice</name>
    <message>
        <location filename="../ui/crashnotice.cpp" line="+16"/>
        <source>Memedesk stopped unexpectedly last time. A report was saved:
%1

It holds the version, where it stopped and the last log lines — never your keys.</source>
        <translation>Memedesk 上次意外停止。已保存一份报告：
%1

报告包含版本、停止位置和最后几行日志——绝不包含你的密钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the report</source>
        <translation>打开报告</translation>
    </message>
</context>
<context>
    <name>ui::CsvExporter</name>
    <message>
        <location filename="../ui/models/csvexporter.cpp" line="+25"/>
        <source>An export is already running.</source>
        <translation>已有导出任务正在进行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The history query failed: %1</source>
        <translation>历史记录查询失败：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writing the file failed: %1</source>
        <translation>写入文件失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Exported %n row(s).</source>
        <translation>
            <numerusform>已导出 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saving the file failed: %1</source>
        <translation>保存文件失败：%1</translation>
    </message>
</context>
<context>
    <name>ui::DashboardView</name>
    <message>
        <location filename="../ui/views/dashboardview.cpp" line="+147"/>
        <source>%1 % since start</source>
        <translation>自启动以来 %1 %</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connection: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n fill(s)</source>
        <translation>
            <numerusform>%n 笔成交</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Halted: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %n open position(s)</source>
        <translation>
            <numerusform>%1，%n 个持仓</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Equity</source>
        <translation>权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PnL today</source>
        <translation>今日盈亏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PnL total</source>
        <translation>总盈亏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Realized PnL</source>
        <translation>已实现盈亏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unrealized PnL</source>
        <translation>未实现盈亏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees paid</source>
        <translation>已付手续费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engine / trading</source>
        <translation>引擎 / 交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OPEN POSITIONS</source>
        <translation>当前持仓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RECENT FILLS</source>
        <translation>最近成交</translation>
    </message>
</context>
<context>
    <name>ui::DecimalField</name>
    <message>
        <location filename="../ui/widgets/decimalfield.cpp" line="+81"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not a number (use digits and a dot, e.g. 12.5)</source>
        <translation>不是有效数字（请使用数字和小数点，例如 12.5）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Must be greater than %1</source>
        <translation>必须大于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Out of range</source>
        <translation>超出范围</translation>
    </message>
</context>
<context>
    <name>ui::EngineControlBox</name>
    <message>
        <location filename="../ui/widgets/enginecontrolbox.cpp" line="+59"/>
        <location line="+5"/>
        <source>Flatten and stop</source>
        <translation>清仓并停止</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Sell every open position at market and stop trading?</source>
        <translation>以市价卖出所有持仓并停止交易？</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n open position(s) will be sold at the current market price.</source>
        <translation>
            <numerusform>将以当前市价卖出 %n 个持仓。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconcile with the venue, then let the strategy trade</source>
        <translation>先与交易所对账，然后让策略开始交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the strategy and cancel working orders; positions stay open</source>
        <translation>停止策略并撤销挂单；持仓保持不变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatten &amp;&amp; Stop</source>
        <translation>清仓并停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell every open position at market, then stop (kill switch)</source>
        <translation>以市价卖出所有持仓后停止（紧急开关）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume trading</source>
        <translation>恢复交易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the halt after you have looked at its reason</source>
        <translation>查看暂停原因后解除暂停</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Engine: %1 · Trading: %2 · Mode: %3 · Open positions: %4</source>
        <translation>引擎：%1 · 交易：%2 · 模式：%3 · 持仓数：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trading halted: %1</source>
        <translation>交易已暂停：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no reason given</source>
        <translation>未提供原因</translation>
    </message>
</context>
<context>
    <name>ui::EngineStatusBar</name>
    <message>
        <location filename="../ui/widgets/enginestatusbar.cpp" line="+91"/>
        <source>Market connected</source>
        <translation>行情已连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Market disconnected</source>
        <translation>行情未连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mode: %1</source>
        <translation>模式：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engine: %1</source>
        <translation>引擎：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trading: %1</source>
        <translation>交易：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clock: %1</source>
        <translation>时钟：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equity: %1</source>
        <translation>权益：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Journal unavailable</source>
        <translation>交易日志不可用</translation>
    </message>
</context>
<context>
    <name>ui::EquityChart</name>
    <message>
        <location filename="../ui/widgets/equitychart.cpp" line="+119"/>
        <source>Equity</source>
        <translation>权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawdown from peak</source>
        <translation>自高点回撤</translation>
    </message>
</context>
<context>
    <name>ui::EvaluationView</name>
    <message numerus="yes">
        <location filename="../ui/views/evaluationview.cpp" line="+158"/>
        <source>Running %n seed(s) in simulated time…</source>
        <translation>
            <numerusform>正在以模拟时间运行 %n 个种子…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not evaluated: %1</source>
        <translation>未能评估：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source> (cancelled: the seeds that finished)</source>
        <translation>（已取消：仅含已完成的种子）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n seed(s)%1. Return minus random entries: %2 %; minus buy-and-hold: %3 % (mean, 95 % interval).</source>
        <translation>
            <numerusform>%n 个种子%1。收益率减去随机入场：%2 %；减去买入并持有：%3 %（均值，95 % 置信区间）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+37"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+37"/>
        <source>Random entries</source>
        <translation>随机入场</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+37"/>
        <source>Buy-and-hold</source>
        <translation>买入并持有</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Seeds</source>
        <translation>种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulated hours</source>
        <translation>模拟小时数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random draws</source>
        <translation>随机抽样次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order latency</source>
        <translation>订单延迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs the strategy with the Trading Config&apos;s settings on the simulated market, seed by seed, next to random entries (as many entries, held as long, with the same protective exits) and buy-and-hold.</source>
        <translation>按交易配置中的设置，在模拟市场上逐个种子运行策略，并与随机入场（相同的入场次数、相同的持仓时长、相同的保护性离场）和买入并持有进行对比。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return %</source>
        <translation>收益率 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PnL</source>
        <translation>盈亏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sharpe</source>
        <translation>夏普比率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max drawdown %</source>
        <translation>最大回撤 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trades</source>
        <translation>交易次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win rate %</source>
        <translation>胜率 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exposure %</source>
        <translation>持仓时间占比 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regime at entry</source>
        <translation>入场时的行情阶段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strategy entries</source>
        <translation>策略入场次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strategy PnL</source>
        <translation>策略盈亏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random entries / draw</source>
        <translation>随机入场次数 / 每次抽样</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Random PnL / draw</source>
        <translation>随机盈亏 / 每次抽样</translation>
    </message>
</context>
<context>
    <name>ui::FillsModel</name>
    <message>
        <location filename="../ui/models/fillsmodel.cpp" line="+83"/>
        <source>Fill %1 of order %2 at %3, %4
Price %5, quantity %6, fee %7 %8</source>
        <translation>订单 %2 的成交 %1，时间 %3，%4
价格 %5，数量 %6，手续费 %7 %8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maker</source>
        <translation>挂单方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>taker</source>
        <translation>吃单方</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notional</source>
        <translation>成交额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
</context>
<context>
    <name>ui::HistoryColumns</name>
    <message>
        <location filename="../ui/models/historycolumns.cpp" line="+38"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Notional</source>
        <translation>成交额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee asset</source>
        <translation>手续费币种</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liquidity</source>
        <translation>流动性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill ID</source>
        <translation>成交 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Order ID</source>
        <translation>订单 ID</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filled</source>
        <translation>已成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit price</source>
        <translation>限价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avg price</source>
        <translation>均价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Venue ID</source>
        <translation>交易所订单 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>maker</source>
        <translation>挂单方</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>taker</source>
        <translation>吃单方</translation>
    </message>
</context>
<context>
    <name>ui::HistoryModel</name>
    <message>
        <location filename="../ui/models/historymodel.cpp" line="+101"/>
        <source>(not loaded)</source>
        <translation>（未加载）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>ui::HistoryView</name>
    <message>
        <location filename="../ui/views/historyview.cpp" line="+142"/>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+136"/>
        <source>All symbols</source>
        <translation>全部交易对</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The end of the date range is before its start.</source>
        <translation>日期范围的结束时间早于开始时间。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counting rows…</source>
        <translation>正在统计行数…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 matching rows · new rows arrived, press Refresh to see them</source>
        <translation>共 %1 条匹配记录 · 有新记录，按“刷新”查看</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 matching rows</source>
        <translation>共 %1 条匹配记录</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exporting to %1</source>
        <translation>正在导出到 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export history as CSV</source>
        <translation>将历史记录导出为 CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fills</source>
        <translation>成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a symbol or type one, then press Enter</source>
        <translation>选择或输入交易对，然后按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both sides</source>
        <translation>买卖双向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buy</source>
        <translation>买入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell</source>
        <translation>卖出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply filter</source>
        <translation>应用筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
</context>
<context>
    <name>ui::Labels</name>
    <message>
        <location filename="../ui/labels.cpp" line="+12"/>
        <source>The quantity must be positive (got %1).</source>
        <translation>数量必须为正数（收到 %1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The limit price must be positive.</source>
        <translation>限价必须为正数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no market price for %1 yet.</source>
        <translation>%1 暂无市场价格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a known symbol.</source>
        <translation>%1 不是已知的交易对。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An earlier %1 order has an unknown outcome; waiting for the venue&apos;s answer.</source>
        <translation>之前的 %1 订单结果未知，正在等待交易所答复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reduce-only order must be a sell.</source>
        <translation>只减仓订单必须是卖单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selling %1 is more than the position of %2.</source>
        <translation>卖出 %1 超过持仓 %2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trading is halted: %1</source>
        <translation>交易已暂停：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trading is reducing only: no new positions.</source>
        <translation>交易处于只减仓状态：不允许开新仓。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order rate limit: at most %1 orders a minute.</source>
        <translation>下单频率限制：每分钟最多 %1 笔订单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order&apos;s value %1 is above the limit of %2 per order.</source>
        <translation>订单金额 %1 超过单笔上限 %2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The maximum of %1 open positions is reached.</source>
        <translation>已达到最多 %1 个持仓的上限。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not enough cash: %1 needed, %2 available.</source>
        <translation>现金不足：需要 %1，可用 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+79"/>
        <source>Buy</source>
        <translation>买入</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+81"/>
        <source>Sell</source>
        <translation>卖出</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Market</source>
        <translation>市价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>限价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit maker</source>
        <translation>只做挂单限价</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partially filled</source>
        <translation>部分成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled</source>
        <translation>已成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconciling</source>
        <translation>对账中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reducing</source>
        <translation>仅减仓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Halted</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo (simulated market)</source>
        <translation>演示（模拟市场）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry run (live data, paper fills)</source>
        <translation>模拟盘（实时行情，模拟成交）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live trading</source>
        <translation>实盘交易</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hold</source>
        <translation>持有</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>REST %1 ms</source>
        <translation>REST %1 毫秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REST —</source>
        <translation>REST —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weight %1/%2</source>
        <translation>权重 %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stream down</source>
        <translation>行情流断开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stream live, last message %1 s ago</source>
        <translation>行情流正常，最后消息 %1 秒前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stream live, no message yet</source>
        <translation>行情流正常，尚无消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clock offset %1%2 ms</source>
        <translation>时钟偏差 %1%2 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>account stream up</source>
        <translation>账户流正常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>account stream down</source>
        <translation>账户流断开</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a symbol of this market</source>
        <translation>%1 不是本市场的交易对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No price for %1 yet: a market order needs the order book.</source>
        <translation>%1 暂无价格：市价单需要订单簿。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a limit price above 0.</source>
        <translation>请输入大于 0 的限价。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The limit price rounds to 0 at the price tick %1.</source>
        <translation>按价格步长 %1 取整后限价为 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A maker-only order at %1 would trade at once against %2; it must rest on the book.</source>
        <translation>价格为 %1 的只做挂单订单会立即与 %2 成交；它必须挂在订单簿上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a quantity (or, for a market order, an amount) above 0.</source>
        <translation>请输入大于 0 的数量（市价单也可输入金额）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The quantity rounds to 0 at the quantity step %1.</source>
        <translation>按数量步长 %1 取整后数量为 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order value %1 %3 is below the minimum of %2 %3.</source>
        <translation>订单金额 %1 %3 低于最小值 %2 %3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amounts are out of range.</source>
        <translation>数值超出范围。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No market session is running.</source>
        <translation>没有正在运行的市场会话。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The exchange refused it: not enough balance, or a maker-only order would have traded at once.</source>
        <translation>交易所拒绝了它：余额不足，或只做挂单订单会立即成交。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It breaks one of the symbol&apos;s trading rules (price tick, quantity step or minimum value).</source>
        <translation>它违反了该交易对的交易规则（价格步长、数量步长或最小金额）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exchange did not accept the API key or its signature: check the key in Trading Config.</source>
        <translation>交易所不接受该 API 密钥或其签名：请在交易配置中检查密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer&apos;s clock is too far from the exchange&apos;s.</source>
        <translation>本机时钟与交易所时钟相差太大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exchange does not list this symbol.</source>
        <translation>交易所没有上架该交易对。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The symbol is not trading right now (halted or in a break).</source>
        <translation>该交易对当前不可交易（已暂停或休市）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The exchange does not take this order type for the symbol.</source>
        <translation>交易所不接受该交易对的此订单类型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No API key in the keychain: nothing was sent.</source>
        <translation>钥匙串中没有 API 密钥：未发送任何订单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>for %1</source>
        <translation>金额 %1</translation>
    </message>
</context>
<context>
    <name>ui::LanguageBox</name>
    <message>
        <location filename="../ui/widgets/languagebox.cpp" line="+47"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies immediately and is remembered for the next start.</source>
        <translation>立即生效，下次启动时保留。</translation>
    </message>
</context>
<context>
    <name>ui::LogModel</name>
    <message>
        <location filename="../ui/models/logmodel.cpp" line="+98"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>ui::LogPanel</name>
    <message>
        <location filename="../ui/widgets/logpanel.cpp" line="+92"/>
        <source>Order denied: %1 %2 %3 — %4 [%5]</source>
        <translation>订单被拒绝：%1 %2 %3 — %4 [%5]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything (debug)</source>
        <translation>全部（含调试）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+43"/>
        <location line="+118"/>
        <source>Memedesk — %1</source>
        <translation>Memedesk — %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Order denied: %1 %2 — %3</source>
        <translation>订单被拒绝：%1 %2 — %3</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trading config</source>
        <translation>交易配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signal monitor</source>
        <translation>信号监控</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual trading</source>
        <translation>手动交易</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;welcome</source>
        <translation>显示欢迎信息(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Memedesk</source>
        <translation>关于 Memedesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log panel</source>
        <translation>日志面板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal</source>
        <translation>交易日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation</source>
        <translation>策略评估</translation>
    </message>
</context>
<context>
    <name>ui::OpenOrdersModel</name>
    <message>
        <location filename="../ui/models/openordersmodel.cpp" line="+82"/>
        <source>market</source>
        <translation>市价</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled</source>
        <translation>已成交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>限价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>ui::OrderTicket</name>
    <message>
        <location filename="../ui/widgets/orderticket.cpp" line="+62"/>
        <source>Live order</source>
        <translation>实盘订单</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>24 h: %1 %2 % · range %3 – %4 · traded %5</source>
        <translation>24 小时：%1 %2 % · 区间 %3 – %4 · 成交额 %5</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Place sell order</source>
        <translation>下卖单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place buy order</source>
        <translation>下买单</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enter a quantity to see the order as it will be sent.</source>
        <translation>输入数量后，这里会显示实际发送的订单。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1 %2 for %3 %4&lt;/b&gt;, about %5 at %6 (market)</source>
        <translation>&lt;b&gt;%1 %2，金额 %3 %4&lt;/b&gt;，约 %5，价格 %6（市价）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The exchange sets the quantity from its book · fee ≈ %1 %2</source>
        <translation>数量由交易所按其订单簿确定 · 手续费 ≈ %1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;%1 %2 %3&lt;/b&gt; at %4</source>
        <translation>&lt;b&gt;%1 %2 %3&lt;/b&gt;，价格 %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about %1 (market)</source>
        <translation>约 %1（市价）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value ≈ %1 %3 · fee ≈ %2 %3</source>
        <translation>金额 ≈ %1 %3 · 手续费 ≈ %2 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rules: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Send this order to the exchange with real money?

%1 %2 for %3 %4 at market (about %5 at %6)</source>
        <translation>用真实资金向交易所发送此订单？

%1 %2，金额 %3 %4，市价（约 %5，价格 %6）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this order to the exchange with real money?

%1 %2 %3 at %4 (≈ %5 %6)</source>
        <translation>用真实资金向交易所发送此订单？

%1 %2 %3，价格 %4（≈ %5 %6）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not placed: %1</source>
        <translation>未下单：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order %1 placed.</source>
        <translation>订单 %1 已提交。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order %1 was refused: %2</source>
        <translation>订单 %1 被拒绝：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order %1 filled.</source>
        <translation>订单 %1 已成交。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Order ticket</source>
        <translation>下单面板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buy</source>
        <translation>买入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell</source>
        <translation>卖出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time in force</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GTC: works until cancelled · IOC: what fills at once, the rest is cancelled · FOK: all at once or nothing</source>
        <translation>GTC：撤单前一直有效 · IOC：立即成交的部分成交，其余撤销 · FOK：全部立即成交，否则全部撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (quote)</source>
        <translation>金额（计价币）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit price</source>
        <translation>限价</translation>
    </message>
</context>
<context>
    <name>ui::PositionsModel</name>
    <message>
        <location filename="../ui/models/positionsmodel.cpp" line="+94"/>
        <source>%1: %2 at average %3, mark %4
Realized %5, fees %6</source>
        <translation>%1：持有 %2，均价 %3，标记价 %4
已实现 %5，手续费 %6</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avg price</source>
        <translation>均价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark</source>
        <translation>标记价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>市值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unrealized PnL</source>
        <translation>未实现盈亏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PnL %</source>
        <translation>盈亏 %</translation>
    </message>
</context>
<context>
    <name>ui::PriceChart</name>
    <message>
        <location filename="../ui/widgets/pricechart.cpp" line="+129"/>
        <source>Select a signal to see its token&apos;s price</source>
        <translation>选择一条信号以查看该代币的价格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — no candles yet</source>
        <translation>%1 —— 暂无 K 线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — 1-minute candles, %2 signal at %3 (price %4)</source>
        <translation>%1 —— 1 分钟 K 线，%3 的%2信号（价格 %4）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — 1-minute candles</source>
        <translation>%1 —— 1 分钟 K 线</translation>
    </message>
</context>
<context>
    <name>ui::RemoteApiBox</name>
    <message>
        <location filename="../ui/widgets/remoteapibox.cpp" line="+145"/>
        <source>Applied and saved: the API starts with the app from now on.</source>
        <translation>已应用并保存：从现在起 API 随应用启动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied and saved: the API is off.</source>
        <translation>已应用并保存：API 已关闭。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Running at %1</source>
        <translation>运行于 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n user(s) can sign in</source>
        <translation>
            <numerusform>%n 个用户可以登录</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started by --api for this run; Apply replaces it with these settings.</source>
        <translation>本次运行由 --api 启动；点击“应用”将改用这些设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not running: %1</source>
        <translation>未运行：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+30"/>
        <source>TLS private key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+29"/>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remote API</source>
        <translation>远程 API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve the REST API and WebSocket events (for a phone, a script or another machine)</source>
        <translation>提供 REST API 和 WebSocket 事件（供手机、脚本或其他机器使用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>127.0.0.1 keeps the API on this computer. Another address needs a TLS certificate and key, or the box below ticked.</source>
        <translation>127.0.0.1 使 API 只在本机可用。其他地址需要 TLS 证书和私钥，或勾选下面的选项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PEM file; empty = plain HTTP</source>
        <translation>PEM 文件；留空 = 普通 HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM file, unencrypted</source>
        <translation>PEM 文件，未加密</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow plain HTTP on an address other machines can reach (only on a network that is yours alone)</source>
        <translation>允许在其他机器可访问的地址上使用普通 HTTP（仅限完全属于你的网络）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browser origins</source>
        <translation>浏览器来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. https://dashboard.example — none allowed by default</source>
        <translation>例如 https://dashboard.example — 默认不允许任何来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in uses the accounts made with &lt;code&gt;memedesk user add NAME --role admin|trader|viewer&lt;/code&gt; (the password is read from standard input). The routes are listed at /api/v1/openapi.json and in docs/rest-api.md.</source>
        <translation>登录使用由 &lt;code&gt;memedesk user add NAME --role admin|trader|viewer&lt;/code&gt; 创建的账户（密码从标准输入读取）。路由列在 /api/v1/openapi.json 和 docs/rest-api.md 中。</translation>
    </message>
</context>
<context>
    <name>ui::SignalMonitorView</name>
    <message>
        <location filename="../ui/views/signalmonitorview.cpp" line="+105"/>
        <source>%1 %2 at %3, price %4, score %5: %6</source>
        <translation>%1 %2，时间 %3，价格 %4，分数 %5：%6</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 of %2 signals (newest first, last %3 kept)</source>
        <translation>显示 %1 / %2 条信号（最新在前，保留最近 %3 条）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Filter by symbol…</source>
        <translation>按交易对筛选…</translation>
    </message>
</context>
<context>
    <name>ui::SignalsModel</name>
    <message>
        <location filename="../ui/models/signalsmodel.cpp" line="+91"/>
        <source>pulled</source>
        <translation>已撤池</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 at %2, price %3
%4</source>
        <translation>%1，时间 %2，价格 %3
%4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fused score from -1 (strong sell) to +1 (strong buy)</source>
        <translation>综合分数，从 -1（强烈卖出）到 +1（强烈买入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fast EMA over slow EMA minus one</source>
        <translation>快速 EMA 除以慢速 EMA 再减一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume z-score against the recent baseline</source>
        <translation>成交量相对近期基线的 z 分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentions per minute now versus the baseline window</source>
        <translation>当前每分钟提及次数与基线窗口之比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean sentiment of recent posts, -1 to +1</source>
        <translation>近期帖子的平均情绪，-1 到 +1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change of pool liquidity over the window</source>
        <translation>窗口期内资金池流动性的变化</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume z</source>
        <translation>成交量 z</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentions</source>
        <translation>提及</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentiment</source>
        <translation>情绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors</source>
        <translation>作者数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liquidity</source>
        <translation>流动性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ui::TradeView</name>
    <message>
        <location filename="../ui/views/tradeview.cpp" line="+87"/>
        <source>Cancel of %1 sent.</source>
        <translation>已发送 %1 的撤单请求。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot cancel %1: %2</source>
        <translation>无法撤销 %1：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>WORKING ORDERS</source>
        <translation>挂单中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel selected order</source>
        <translation>撤销所选订单</translation>
    </message>
</context>
<context>
    <name>ui::VenueSettingsBox</name>
    <message>
        <location filename="../ui/widgets/venuesettingsbox.cpp" line="+184"/>
        <source>Saved. A running Binance session takes the watchlist at once; new addresses apply when the next session starts (switch the mode, or start the app again).</source>
        <translation>已保存。正在运行的币安会话会立即使用新的自选列表；新地址在下一个会话开始时生效（切换模式或重新启动应用）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Asking Binance…</source>
        <translation>正在询问币安…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test failed: %1</source>
        <translation>测试失败：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Binance answered in %1 ms; its clock is %2 ms %3 ours.</source>
        <translation>币安在 %1 毫秒内应答；其时钟%3本机 %2 毫秒。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ahead of</source>
        <translation>快于</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>behind</source>
        <translation>慢于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This key may trade on Spot.</source>
        <translation>此密钥可以进行现货交易。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This key may NOT trade: enable Spot trading for it on Binance.</source>
        <translation>此密钥不能交易：请在币安为其开启现货交易权限。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This key may withdraw funds. A trading bot does not need that: turn it off.</source>
        <translation>此密钥可以提现。交易机器人不需要此权限：请关闭。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This key cannot withdraw funds.</source>
        <translation>此密钥不能提现。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It only works from the IP addresses you allowed.</source>
        <translation>它只能从你允许的 IP 地址使用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It works from any IP address: restrict it to this machine&apos;s address on Binance.</source>
        <translation>它可以从任何 IP 地址使用：请在币安将其限制为本机地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binance did not say whether the key is restricted to IP addresses (testnets do not).</source>
        <translation>币安未说明该密钥是否限制了 IP 地址（测试网不提供此信息）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account permissions: %1</source>
        <translation>账户权限：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading the symbol list…</source>
        <translation>正在加载交易对列表…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The symbol list could not be loaded: %1</source>
        <translation>无法加载交易对列表：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n symbol(s) listed; USDT meme pairs first.</source>
        <translation>
            <numerusform>共 %n 个交易对；USDT 迷因币交易对排在前面。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2/%3), %4: price tick %5, quantity step %6, minimum quantity %7, minimum order value %8 %3; order types %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2/%3），%4：价格步长 %5，数量步长 %6，最小数量 %7，最小订单金额 %8 %3；订单类型 %9</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 added to the watchlist; save to keep it.</source>
        <translation>%1 已加入自选列表；保存后生效。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Binance connection and watchlist</source>
        <translation>币安连接与自选列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binance (real money)</source>
        <translation>币安（真实资金）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spot testnet</source>
        <translation>现货测试网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom addresses</source>
        <translation>自定义地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Market streams</source>
        <translation>行情流</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket API</source>
        <translation>WebSocket API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save connection and watchlist</source>
        <translation>保存连接与自选列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks the API key stored in the keychain against these addresses: may it trade, may it withdraw, is it restricted to your IP address.</source>
        <translation>用这些地址检查钥匙串中保存的 API 密钥：能否交易、能否提现、是否限制了你的 IP 地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watchlist: the symbols the bot watches and trades</source>
        <translation>自选列表：机器人关注并交易的交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from watchlist</source>
        <translation>从自选列表移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search symbols, e.g. PEPE</source>
        <translation>搜索交易对，例如 PEPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load symbols from Binance</source>
        <translation>从币安加载交易对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to watchlist</source>
        <translation>加入自选列表</translation>
    </message>
</context>
<context>
    <name>ui::WelcomePanel</name>
    <message>
        <location filename="../ui/widgets/welcomepanel.cpp" line="+90"/>
        <source>Welcome to Memedesk</source>
        <translation>欢迎使用 Memedesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;You are trading the &lt;b&gt;demo market&lt;/b&gt;: a simulated meme market with paper money. Nothing here is real — the tokens, the posts and the 10,000 USDT are made up, so try anything.&lt;/p&gt;&lt;p&gt;&lt;b&gt;To trade on Binance:&lt;/b&gt; in Trading Config, store your API key and secret (they go to your system&apos;s keychain, never to a file), press &lt;i&gt;Test connection&lt;/i&gt;, then choose &lt;i&gt;Dry run&lt;/i&gt; (real prices, paper fills) as the trading mode. Go &lt;i&gt;Live&lt;/i&gt; only once dry run has shown you what the strategy does.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Your files:&lt;/b&gt; data folder %1 — the journal %2 and the log %3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;你正在交易&lt;b&gt;模拟市场&lt;/b&gt;：一个使用模拟资金的模拟 Meme 币市场。这里的一切都不是真的——代币、帖子和 10,000 USDT 都是虚构的，尽管尝试。&lt;/p&gt;&lt;p&gt;&lt;b&gt;要在币安交易：&lt;/b&gt;在交易配置中保存你的 API 密钥和私钥（它们存入系统钥匙串，绝不写入文件），点击&lt;i&gt;测试连接&lt;/i&gt;，然后选择&lt;i&gt;模拟盘&lt;/i&gt;（真实价格、模拟成交）作为交易模式。只有在模拟盘让你看清策略的表现之后，才切换到&lt;i&gt;实盘&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;你的文件：&lt;/b&gt;数据文件夹 %1 —— 交易日志 %2 和运行日志 %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Go to Trading Config</source>
        <translation>前往交易配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help → Show welcome brings it back.</source>
        <translation>可通过 帮助 → 显示欢迎信息 重新打开。</translation>
    </message>
</context>
</TS>
