/// The embedded default scenario (``ScenarioLoader/defaultYAML``), printed by
/// `fundstress scenario default` as a file to start from.
///
/// A mid-size USDC-margined exchange: eight markets from BTC to small alts, one day at
/// one-minute steps, a synthetic book, a 10 M USDC fund. The numbers a risk team would
/// retune first (crash jumps, fund balance, open interest, depth) are each on one line.
///
/// The correlation is a one-factor matrix `ρᵢⱼ = aᵢ·aⱼ` with loadings
/// a = (BTC 0.92, ETH 0.89, SOL 0.86, XRP 0.82, DOGE 0.82, LINK 0.81, AVAX 0.80, SUI 0.77),
/// rounded to two decimals. A one-factor matrix is positive definite by construction
/// (smallest eigenvalue ≥ min(1 − aᵢ²) before rounding); the rounded matrix's smallest
/// eigenvalue is 0.171 (checked in the tests).
let defaultScenarioYAML = """
  # fundstress scenario: the embedded default.
  #
  # A mid-size USDC-margined perpetual-futures exchange: eight markets from BTC to small
  # alts, one day at one-minute steps, a synthetic position book and one insurance fund
  # shared by all markets. Amounts are in the margin currency (USDC); rates, shares and
  # volatilities are fractions (0.55 = 55%). Numbers may be written 90000, 9.0e4 or 9e4.
  # Keys marked "default" may be left out.

  name: default
  seed: 7                       # keys the price paths (and the synthetic book unless book.synthetic.seed is set)

  horizon:
    steps: 1440                 # number of time steps: one day of minutes
    step_seconds: 60            # seconds per step (default 60)

  # Each market: initial price, annualised volatility (year = 365 days of 24 h), return
  # model, margin rule and order-book liquidity.
  #   returns.model   gbm | student-t (needs dof > 2) | jumps | garch (omega, alpha, beta, dof) (default gbm)
  #   returns.dof     Student-t degrees of freedom of the diffusion (heavy tails; jumps: optional)
  #   returns.beta    jumps: the market's loading on the common crash factor (default 1.0)
  #   maintenance_margin  rate of notional; here 0.5 / max_leverage (1% at 50x, 2.5% at 20x, 5% at 10x)
  #   depth           notional that moves the price by 1% on each side of the book (.inf: no impact)
  #   resilience      share of the remaining liquidation impact that decays each step (default 0.2)
  #   permanent_impact  share of a liquidation's price walk that stays in the mark (default 0.5)
  #   max_leverage    largest leverage the venue allows; caps the synthetic book (default 20)
  markets:
    - symbol: BTC
      price: 90000              # USDC per coin
      volatility: 0.55          # annualised
      drift: 0.0                # annualised expected return (default 0)
      returns: {model: jumps, dof: 4, beta: 1.0}
      maintenance_margin: 0.01  # 1% of notional = 0.5 / max_leverage
      depth: 4.0e7              # USDC per 1% move
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 50
    - symbol: ETH
      price: 3000
      volatility: 0.70
      returns: {model: jumps, dof: 4, beta: 1.15}
      maintenance_margin: 0.01
      depth: 2.0e7
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 50
    - symbol: SOL
      price: 150
      volatility: 0.90
      returns: {model: jumps, dof: 4, beta: 1.3}
      maintenance_margin: 0.025
      depth: 6.0e6
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 20
    - symbol: XRP
      price: 2.2
      volatility: 0.85
      returns: {model: jumps, dof: 4, beta: 1.3}
      maintenance_margin: 0.025
      depth: 3.0e6
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 20
    - symbol: DOGE
      price: 0.18
      volatility: 1.00
      returns: {model: jumps, dof: 4, beta: 1.4}
      maintenance_margin: 0.025
      depth: 2.0e6
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 20
    - symbol: LINK
      price: 15
      volatility: 0.95
      returns: {model: jumps, dof: 4, beta: 1.35}
      maintenance_margin: 0.025
      depth: 1.2e6
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 20
    - symbol: AVAX
      price: 20
      volatility: 1.00
      returns: {model: jumps, dof: 4, beta: 1.4}
      maintenance_margin: 0.025
      depth: 1.0e6
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 20
    - symbol: SUI
      price: 2.5
      volatility: 1.20
      returns: {model: jumps, dof: 4, beta: 1.5}
      maintenance_margin: 0.05
      depth: 6.0e5
      resilience: 0.2
      permanent_impact: 0.5
      max_leverage: 10

  # The common crash factor of the jumps model: crash jumps arrive at `intensity` per day
  # (Poisson); each moves every market by beta x J in log-price, J ~ Normal(mean, stdev^2).
  jumps:
    intensity: 0.5              # expected crash jumps per day
    mean: -0.08                 # mean log-size of a jump (-0.08: about an 8% drop at beta 1)
    stdev: 0.04                 # standard deviation of the log-size

  # Correlation of the diffusion shocks, rows and columns in the order of `markets`.
  # One-factor matrix rho_ij = a_i * a_j with loadings BTC .92, ETH .89, SOL .86, XRP .82,
  # DOGE .82, LINK .81, AVAX .80, SUI .77 (positive definite; smallest eigenvalue 0.171).
  # Hourly returns Nov 2024 - Feb 2025 show pairwise correlations of 0.58-0.80, BTC-ETH 0.76
  # (data/README.md in the fundstress sources); minute returns in a sell-off sit at
  # the upper end.
  # Leave it out for uncorrelated markets. A matrix that is not positive definite is refused
  # with its smallest eigenvalue unless `correlation_repair: nearest` (default none) asks
  # for the nearest correlation matrix.
  correlation:
    #   BTC   ETH   SOL   XRP   DOGE  LINK  AVAX  SUI
    - [1.00, 0.82, 0.79, 0.75, 0.75, 0.75, 0.74, 0.71]   # BTC
    - [0.82, 1.00, 0.77, 0.73, 0.73, 0.72, 0.71, 0.69]   # ETH
    - [0.79, 0.77, 1.00, 0.71, 0.71, 0.70, 0.69, 0.66]   # SOL
    - [0.75, 0.73, 0.71, 1.00, 0.67, 0.66, 0.66, 0.63]   # XRP
    - [0.75, 0.73, 0.71, 0.67, 1.00, 0.66, 0.66, 0.63]   # DOGE
    - [0.75, 0.72, 0.70, 0.66, 0.66, 1.00, 0.65, 0.62]   # LINK
    - [0.74, 0.71, 0.69, 0.66, 0.66, 0.65, 1.00, 0.62]   # AVAX
    - [0.71, 0.69, 0.66, 0.63, 0.63, 0.62, 0.62, 1.00]   # SUI
  correlation_repair: none

  # replay: crash.csv           # optional: every path follows this price file instead of the
  #                             # models (columns step,BTC,ETH,...; step 0 = initial prices;
  #                             # the horizon is the file's length; path relative to this file)

  # The position book: either a CSV file (columns account,market,side,size,entry_price,margin)
  #   positions: positions.csv
  # or a synthetic book drawn once per scenario:
  book:
    synthetic:
      positions_per_market: 2000
      open_interest:            # notional of one side at the initial price, USDC
        BTC: 4.0e8
        ETH: 2.5e8
        SOL: 1.0e8
        XRP: 6.0e7
        DOGE: 4.0e7
        LINK: 2.5e7
        AVAX: 2.0e7
        SUI: 1.5e7
      # Calibration (docs/DEFAULT_SCENARIO.md): most traders use modest leverage, so the book
      # draws 1-10x and entries within about 1% of the price: a median day liquidates about 2%
      # of open interest, and the crash jumps (a stressed day: one every other day on average)
      # drive the fund's tail, depleting it on about 2.6% of days.
      leverage: {min: 1, max: 10}   # log-uniform per position, capped by each market's max_leverage
      long_share: 0.5           # probability that a position is long
      entry_dispersion: 0.01    # standard deviation of log(entry price / price)
      size_dispersion: 1.5      # standard deviation of log(position notional)
      # seed: 11                # optional; default: the scenario's seed (a --seed override
      #                         # on the command line then changes the paths, not the book)

  # The insurance fund, shared by all markets.
  fund:
    balance: 1.0e7              # initial balance, USDC
    waterfall: market-close     # market-close: close into the book, the fund pays shortfalls; or takeover:
                                # take over at the bankruptcy price, subsidised limit order, ADL for the rest
    fund_share: 1.0             # share of the liquidation penalty paid to the fund, the rest to the vault (default 1)
    fee_cap: null               # optional cap on the penalty, a rate of fill notional (dYdX: 0.015); null = no cap
    takeover_subsidy: 0.25      # takeover: largest share of the fund one round of takeovers may spend (default 0.25)
    depletion_threshold: 0      # the fund counts as depleted at or below this balance, USDC (default 0)
    # scope: shared             # shared, per-market or groups of markets (docs/MODEL.md, "Fund scopes")

  # Auto-deleveraging of profitable opposite positions when the fund cannot pay.
  adl:
    ranking: pnl-leverage       # pnl-leverage, binance, hyperliquid, random-walk or pro-rata (docs/MODEL.md, ADL)
    # drawdown_trigger: 0.3     # optional: pay down to this fraction below the window's peak; ADL the rest (OKX)
    drawdown_window_hours: 8    # window of the drawdown trigger, hours (default 8)

  simulation:
    cascade_round_cap: 100      # most liquidation rounds per market and step (hits are reported; default 100)
    checkpoints: 96             # about this many fund-balance checkpoints over the horizon (default 96)

  """
