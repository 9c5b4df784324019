package org.stitchjit.runtime.objects;

/**
 * x ** y for finite x > 0 and finite y, rounded correctly in all but astronomically rare cases.
 *
 * <p>Why not {@link Math#pow}: it is only promised within one ulp, and HotSpot may evaluate it
 * differently in interpreted and compiled code, while a JIT research runtime wants results that
 * depend on the inputs alone. The correctly rounded value is the one such function with a
 * definition. It also matches CPython slightly more often: CPython calls the C library's pow,
 * and glibc 2.36's is itself off by one ulp on about 0.075% of random inputs (checked against
 * the decimal module), where Math.pow disagrees with it on about 0.09%.
 *
 * <p>How: x**y = exp(y * log x), computed in double-double arithmetic (unevaluated sums hi + lo
 * built with FMA-exact products) so that the final rounding sees a value accurate to about
 * 2**-75 relative. log x uses x = 2**k * m with m in [0.75, 1.5), a table of 1/c for 97 points
 * c near m (so m/c - 1 is tiny and computed exactly), and the atanh series of log1p. exp uses
 * z = N * ln2/128 + r with a table of 2**(j/128) and a short Taylor series for exp(r).
 * Subnormal results are rounded once, directly to the 2**-1074 grid. The constants and tables
 * are written out (computing them at startup with BigDecimal took a quarter of a second);
 * FloatPowTest recomputes every one of them from its definition with BigDecimal.
 */
final class FloatPow {
  private FloatPow() {}

  /** ln 2 as a double-double whose high part has 42 significant bits (k * LN2_HI is exact). */
  static final double LN2_HI = 0x1.62e42fefa38p-1;
  static final double LN2_LO = 0x1.ef35793c7673p-45;
  /** ln2/128 in three parts; N * L1 is exact for |N| < 2**18 (L1 has 35 significant bits). */
  static final double L1 = 0x1.62e42fef8p-8;
  static final double L2 = 0x1.1cf79abc9e3b4p-43;
  static final double L3 = -0x1.9ff0342542fc3p-97;
  /** 128 / ln 2. */
  static final double INV_L = 0x1.71547652b82fep7;
  /** 2/3 as a double-double. */
  static final double TWO_THIRDS_HI = 2.0 / 3.0;
  static final double TWO_THIRDS_LO = 0x1.5555555555555p-55;

  /** The table points c_i = 0.75 + i/128, i = 0..96, and r_i = 1/c_i rounded to a double. */
  static final double[] RECIP = new double[97];

  static {
    for (int i = 0; i < RECIP.length; i++) {
      RECIP[i] = 1.0 / (0.75 + i / 128.0);
    }
  }

  /** -ln(RECIP[i]) as double-doubles (high parts, then low parts). */
  static final double[] LOG_HI = {
    -0x1.269621134db91p-2, -0x1.1bf99635a6b95p-2, -0x1.1178e8227e47ap-2,
    -0x1.07138604d5864p-2, -0x1.f991c6cb3b37ap-3, -0x1.e530effe71013p-3,
    -0x1.d1037f2655e7bp-3, -0x1.bd087383bd8aap-3, -0x1.a93ed3c8ad9e5p-3,
    -0x1.95a5adcf70182p-3, -0x1.823c16551a3cp-3, -0x1.6f0128b756ab9p-3,
    -0x1.5bf406b543dbp-3, -0x1.4913d8333b563p-3, -0x1.365fcb0159014p-3,
    -0x1.23d712a49c201p-3, -0x1.1178e8227e47ap-3, -0x1.fe89139dbd565p-4,
    -0x1.da7276384469ep-4, -0x1.b6ac88dad5b1dp-4, -0x1.9335e5d594988p-4,
    -0x1.700d30aeac0e8p-4, -0x1.4d3115d207eacp-4, -0x1.2aa04a44717a1p-4,
    -0x1.08598b59e3a06p-4, -0x1.ccb73cdddb2dp-5, -0x1.894aa149fb34bp-5,
    -0x1.466aed42de3f9p-5, -0x1.0415d89e7444p-5, -0x1.8492528c8cac5p-6,
    -0x1.0205658935837p-6, -0x1.010157588de69p-7, 0x0.0p0,
    0x1.fe02a6b106799p-8, 0x1.fc0a8b0fc03c4p-7, 0x1.7b91b07d5b126p-6,
    0x1.f829b0e7832f8p-6, 0x1.39e87b9febd68p-5, 0x1.77458f632dcffp-5,
    0x1.b42dd711971b9p-5, 0x1.f0a30c01162a8p-5, 0x1.16536eea37ae3p-4,
    0x1.341d7961bd1dp-4, 0x1.51b073f06183cp-4, 0x1.6f0d28ae56b4ep-4,
    0x1.8c345d6319b23p-4, 0x1.a926d3a4ad562p-4, 0x1.c5e548f5bc743p-4,
    0x1.e27076e2af2eap-4, 0x1.fec9131dbeabcp-4, 0x1.0d77e7cd08e5bp-3,
    0x1.1b72ad52f67a2p-3, 0x1.29552f81ff521p-3, 0x1.371fc201e8f75p-3,
    0x1.44d2b6ccb7d1cp-3, 0x1.526e5e3a1b438p-3, 0x1.5ff3070a793d6p-3,
    0x1.6d60fe719d21bp-3, 0x1.7ab890210d907p-3, 0x1.87fa06520c911p-3,
    0x1.9525a9cf456b6p-3, 0x1.a23bc1fe2b561p-3, 0x1.af3c94e80bff3p-3,
    0x1.bc286742d8cd4p-3, 0x1.c8ff7c79a9a2p-3, 0x1.d5c216b4fbb94p-3,
    0x1.e27076e2af2e8p-3, 0x1.ef0adcbdc5935p-3, 0x1.fb9186d5e3e29p-3,
    0x1.0402594b4d041p-2, 0x1.0a324e27390e2p-2, 0x1.1058bf9ae4ad4p-2,
    0x1.1675cababa60fp-2, 0x1.1c898c16999fbp-2, 0x1.22941fbcf7966p-2,
    0x1.2895a13de86a4p-2, 0x1.2e8e2bae11d31p-2, 0x1.347dd9a987d56p-2,
    0x1.3a64c556945eap-2, 0x1.404308686a7e4p-2, 0x1.4618bc21c5ec2p-2,
    0x1.4be5f957778a1p-2, 0x1.51aad872df82ep-2, 0x1.5767717455a6cp-2,
    0x1.5d1bdbf5809cap-2, 0x1.62c82f2b9c796p-2, 0x1.686c81e9b14adp-2,
    0x1.6e08eaa2ba1e4p-2, 0x1.739d7f6bbd007p-2, 0x1.792a55fdd47a1p-2,
    0x1.7eaf83b82afc2p-2, 0x1.842d1da1e8b18p-2, 0x1.89a3386c1425bp-2,
    0x1.8f11e873662c8p-2, 0x1.947941c2116fbp-2, 0x1.99d958117e08ap-2,
    0x1.9f323ecbf984dp-2,
  };

  static final double[] LOG_LO = {
    -0x1.e0efadd9db02ap-56, 0x1.e9575c2124912p-56, -0x1.b8ce2d07f1cb7p-56,
    0x1.24e912b16ec8bp-60, -0x1.ecca0cdf30143p-58, 0x1.f7627ef82f3fp-57,
    0x1.3f3adb7b71cbcp-58, 0x1.1165504ad749ep-59, -0x1.bcafa9de97202p-57,
    -0x1.8a16283fdbd1cp-57, -0x1.6dcd318f4187ep-57, 0x1.37967087859b9p-59,
    0x1.1f5b44c0df7f7p-61, 0x1.0d5604930f137p-58, -0x1.bea08d2dca256p-57,
    -0x1.51c7e9efae297p-57, 0x1.0e63a5f01c693p-58, 0x1.ac9f4215f9394p-58,
    -0x1.401fa71733017p-58, 0x1.002bf768e52dp-58, 0x1.478a85704ccb7p-58,
    -0x1.a36a677b4c8b2p-59, -0x1.da7d0b1e10b2fp-60, -0x1.aea2c72d05c08p-58,
    0x1.dd7009902bf32p-58, 0x1.e48fb0500efd5p-59, 0x1.2ba0b44cfaee5p-59,
    0x1.9badefe942718p-60, -0x1.c05cf1d753621p-59, 0x1.d192d0619fa68p-60,
    -0x1.27c8e8416e717p-60, -0x1.46662d417cecep-62, 0x0.0p0,
    -0x1.e44b7e3711e7fp-67, -0x1.83092c5964281p-62, -0x1.6d80ab38e943p-62,
    0x1.33e3f04f1ef25p-60, -0x1.5bfa937f551b7p-59, 0x1.8d3ca87b92968p-63,
    0x1.0a34531f67db5p-59, 0x1.85f325c5bbacdp-59, 0x1.2189705cf74cap-58,
    -0x1.3599f227becbbp-58, -0x1.5b61c65e5741ap-58, -0x1.20db323097324p-59,
    -0x1.294d2f5668495p-58, -0x1.d7a16eab1e2adp-59, 0x1.2eb0bf7c0b0d9p-59,
    -0x1.61578001e015ap-60, -0x1.5746b9981b36cp-58, 0x1.9a5dc5e9030adp-57,
    -0x1.fbe7ee5c69946p-57, 0x1.301771c407dcp-57, 0x1.e6cb62af18a02p-62,
    0x1.7d3d950f87e23p-59, -0x1.546ff8a470d3ap-57, -0x1.bc60efafc6f6cp-58,
    0x1.d551d97132e87p-57, -0x1.1072534a57e7dp-57, -0x1.9f7fdbfa08d9ap-57,
    -0x1.26fb3e2b1d1dap-57, 0x1.24dc46c1ea664p-57, 0x1.a3398064df33ep-57,
    0x1.cfce744870f57p-58, -0x1.4f689f8434011p-57, -0x1.a37794d03657dp-58,
    -0x1.61578001e015ep-59, 0x1.e8637950dc20dp-57, 0x1.355519b0de535p-57,
    -0x1.08ec217a5022dp-57, 0x1.bdcfde8061c03p-56, 0x1.3f415699663ecp-63,
    0x1.ce63eab883727p-61, 0x1.9f1a39d500e3cp-56, -0x1.dbd7ac258a2bdp-58,
    0x1.7ad24c13f040fp-56, -0x1.1e99b72bd7bf2p-57, -0x1.16ea62c048cfbp-56,
    0x1.cbcd735d03424p-60, -0x1.f79f6c1059cdbp-57, -0x1.7a42642661c62p-61,
    -0x1.4b366b609027ap-58, -0x1.d8db0a7cc1543p-56, -0x1.fb2a49af933e8p-57,
    -0x1.7dc9c7c23801fp-56, -0x1.090a0dd59fe35p-58, 0x1.710af840538e3p-56,
    -0x1.bfb1b39ca3a0fp-56, 0x1.ce24c53fad3fp-58, 0x1.f057691fe9ed7p-56,
    -0x1.698b43096b576p-59, 0x1.54ec519784677p-56, 0x1.2d38c40881e0bp-57,
    0x1.f85da755a61a3p-56, 0x1.1266e8a3e8838p-57, -0x1.315b444ee1f38p-56,
    -0x1.a92e513217f58p-59,
  };

  /** 2**(j/128), j = 0..127, as double-doubles. */
  static final double[] EXP_HI = {
    0x1.0p0, 0x1.0163da9fb3335p0, 0x1.02c9a3e778061p0,
    0x1.04315e86e7f85p0, 0x1.059b0d3158574p0, 0x1.0706b29ddf6dep0,
    0x1.0874518759bc8p0, 0x1.09e3ecac6f383p0, 0x1.0b5586cf9890fp0,
    0x1.0cc922b7247f7p0, 0x1.0e3ec32d3d1a2p0, 0x1.0fb66affed31bp0,
    0x1.11301d0125b51p0, 0x1.12abdc06c31ccp0, 0x1.1429aaea92dep0,
    0x1.15a98c8a58e51p0, 0x1.172b83c7d517bp0, 0x1.18af9388c8deap0,
    0x1.1a35beb6fcb75p0, 0x1.1bbe084045cd4p0, 0x1.1d4873168b9aap0,
    0x1.1ed5022fcd91dp0, 0x1.2063b88628cd6p0, 0x1.21f49917ddc96p0,
    0x1.2387a6e756238p0, 0x1.251ce4fb2a63fp0, 0x1.26b4565e27cddp0,
    0x1.284dfe1f56381p0, 0x1.29e9df51fdee1p0, 0x1.2b87fd0dad99p0,
    0x1.2d285a6e4030bp0, 0x1.2ecafa93e2f56p0, 0x1.306fe0a31b715p0,
    0x1.32170fc4cd831p0, 0x1.33c08b26416ffp0, 0x1.356c55f929ff1p0,
    0x1.371a7373aa9cbp0, 0x1.38cae6d05d866p0, 0x1.3a7db34e59ff7p0,
    0x1.3c32dc313a8e5p0, 0x1.3dea64c123422p0, 0x1.3fa4504ac801cp0,
    0x1.4160a21f72e2ap0, 0x1.431f5d950a897p0, 0x1.44e086061892dp0,
    0x1.46a41ed1d0057p0, 0x1.486a2b5c13cdp0, 0x1.4a32af0d7d3dep0,
    0x1.4bfdad5362a27p0, 0x1.4dcb299fddd0dp0, 0x1.4f9b2769d2ca7p0,
    0x1.516daa2cf6642p0, 0x1.5342b569d4f82p0, 0x1.551a4ca5d920fp0,
    0x1.56f4736b527dap0, 0x1.58d12d497c7fdp0, 0x1.5ab07dd485429p0,
    0x1.5c9268a5946b7p0, 0x1.5e76f15ad2148p0, 0x1.605e1b976dc09p0,
    0x1.6247eb03a5585p0, 0x1.6434634ccc32p0, 0x1.6623882552225p0,
    0x1.68155d44ca973p0, 0x1.6a09e667f3bcdp0, 0x1.6c012750bdabfp0,
    0x1.6dfb23c651a2fp0, 0x1.6ff7df9519484p0, 0x1.71f75e8ec5f74p0,
    0x1.73f9a48a58174p0, 0x1.75feb564267c9p0, 0x1.780694fde5d3fp0,
    0x1.7a11473eb0187p0, 0x1.7c1ed0130c132p0, 0x1.7e2f336cf4e62p0,
    0x1.80427543e1a12p0, 0x1.82589994cce13p0, 0x1.8471a4623c7adp0,
    0x1.868d99b4492edp0, 0x1.88ac7d98a6699p0, 0x1.8ace5422aa0dbp0,
    0x1.8cf3216b5448cp0, 0x1.8f1ae99157736p0, 0x1.9145b0b91ffc6p0,
    0x1.93737b0cdc5e5p0, 0x1.95a44cbc8520fp0, 0x1.97d829fde4e5p0,
    0x1.9a0f170ca07bap0, 0x1.9c49182a3f09p0, 0x1.9e86319e32323p0,
    0x1.a0c667b5de565p0, 0x1.a309bec4a2d33p0, 0x1.a5503b23e255dp0,
    0x1.a799e1330b358p0, 0x1.a9e6b5579fdbfp0, 0x1.ac36bbfd3f37ap0,
    0x1.ae89f995ad3adp0, 0x1.b0e07298db666p0, 0x1.b33a2b84f15fbp0,
    0x1.b59728de5593ap0, 0x1.b7f76f2fb5e47p0, 0x1.ba5b030a1064ap0,
    0x1.bcc1e904bc1d2p0, 0x1.bf2c25bd71e09p0, 0x1.c199bdd85529cp0,
    0x1.c40ab5fffd07ap0, 0x1.c67f12e57d14bp0, 0x1.c8f6d9406e7b5p0,
    0x1.cb720dcef9069p0, 0x1.cdf0b555dc3fap0, 0x1.d072d4a07897cp0,
    0x1.d2f87080d89f2p0, 0x1.d5818dcfba487p0, 0x1.d80e316c98398p0,
    0x1.da9e603db3285p0, 0x1.dd321f301b46p0, 0x1.dfc97337b9b5fp0,
    0x1.e264614f5a129p0, 0x1.e502ee78b3ff6p0, 0x1.e7a51fbc74c83p0,
    0x1.ea4afa2a490dap0, 0x1.ecf482d8e67f1p0, 0x1.efa1bee615a27p0,
    0x1.f252b376bba97p0, 0x1.f50765b6e454p0, 0x1.f7bfdad9cbe14p0,
    0x1.fa7c1819e90d8p0, 0x1.fd3c22b8f71f1p0,
  };

  static final double[] EXP_LO = {
    0x0.0p0, 0x1.b61299ab8cdb7p-54, -0x1.19083535b085dp-56,
    -0x1.0a31c1977c96ep-54, 0x1.d73e2a475b465p-55, -0x1.c91dfe2b13c27p-55,
    0x1.186be4bb284ffp-57, 0x1.1487818316136p-54, 0x1.8a62e4adc610bp-54,
    0x1.01edc16e24f71p-54, 0x1.03a1727c57b53p-59, -0x1.b9bedc44ebd7bp-57,
    -0x1.6c51039449b3ap-54, -0x1.1b514b36ca5c7p-58, -0x1.32fbf9af1369ep-54,
    0x1.2406ab9eeab0ap-55, -0x1.19041b9d78a76p-55, -0x1.11023d1970f6cp-54,
    0x1.e5b4c7b4968e4p-55, -0x1.95386352ef607p-54, 0x1.e016e00a2643cp-54,
    -0x1.1df98027bb78cp-54, 0x1.dc775814a8495p-55, 0x1.2a97e9494a5eep-55,
    0x1.9b07eb6c70573p-54, 0x1.ac155bef4f4a4p-55, 0x1.2bd339940e9d9p-55,
    -0x1.a4c3a8c3f0d7ep-54, 0x1.612e8afad1255p-55, -0x1.10adcd6381aa4p-59,
    0x1.0024754db41d5p-54, 0x1.1ca0f45d52383p-56, 0x1.6f46ad23182e4p-55,
    0x1.a9ce78e18047cp-55, 0x1.32721843659a6p-54, -0x1.b5cee5c4e4628p-55,
    -0x1.63aeabf42eae2p-54, -0x1.e958d3c9904bdp-54, -0x1.5e436d661f5e3p-56,
    -0x1.efff8375d29c3p-54, 0x1.ada0911f09ebcp-55, -0x1.7d023f956f9f3p-54,
    -0x1.ef3691c309278p-58, -0x1.1c7dde35f7999p-55, 0x1.89b7a04ef80dp-59,
    0x1.c944bd1648a76p-54, 0x1.3c1a3b69062fp-56, 0x1.9cb62f3d1be56p-54,
    0x1.d4397afec42e2p-56, 0x1.8ecdbbc6a7833p-54, -0x1.4b309d25957e3p-54,
    -0x1.f768569bd93efp-55, -0x1.07abe1db13cadp-55, -0x1.d689cefede59bp-55,
    0x1.9bb2c011d93adp-54, 0x1.295e15b9a1de8p-55, 0x1.6324c054647adp-54,
    0x1.c4b1b816986a2p-60, 0x1.ba6f93080e65ep-54, -0x1.3e2429b56de47p-54,
    -0x1.383c17e40b497p-54, -0x1.c483c759d8933p-55, -0x1.bb60987591c34p-54,
    0x1.038ae44f73e65p-57, -0x1.bdd3413b26456p-54, -0x1.2895667ff0b0dp-56,
    -0x1.bbe3a683c88abp-57, -0x1.83c0f25860ef6p-55, -0x1.16e4786887a99p-55,
    -0x1.0a8d96c65d53cp-54, -0x1.0245957316dd3p-54, 0x1.866b80a02162dp-54,
    -0x1.41577ee04992fp-55, 0x1.f124cd1164dd6p-54, 0x1.05d02ba15797ep-56,
    -0x1.27c86626d972bp-54, -0x1.d4c1dd41532d8p-54, -0x1.8d684a341cdfbp-55,
    -0x1.fc6f89bd4f6bap-54, 0x1.994c2f37cb53ap-54, 0x1.6e9f156864b27p-54,
    -0x1.0d55e32e9e3aap-56, 0x1.5cc13a2e3976cp-55, -0x1.dd6792e582524p-54,
    -0x1.75fc781b57ebcp-57, -0x1.64b7c96a5f039p-56, -0x1.d185b7c1b85d1p-54,
    -0x1.173bd91cee632p-54, 0x1.c7c46b071f2bep-56, 0x1.824ca78e64c6ep-56,
    -0x1.359495d1cd533p-54, 0x1.6305c7ddc36abp-54, -0x1.d2f6edb8d41e1p-54,
    0x1.bcb7ecac563c7p-54, 0x1.0fac90ef7fd31p-54, -0x1.f9234cae76cdp-55,
    0x1.7a1cd345dcc81p-54, -0x1.bdef54c80e425p-54, -0x1.2805e3084d708p-57,
    -0x1.c71dfbbba6de3p-54, -0x1.5584f7e54ac3bp-56, -0x1.efcd30e54292ep-54,
    0x1.23dd07a2d9e84p-55, -0x1.efdca3f6b9c73p-54, 0x1.11065895048ddp-55,
    0x1.b4537e083c60ap-54, 0x1.2884dff483cadp-54, 0x1.1acbc48805c44p-56,
    0x1.503cbd1e949dbp-56, -0x1.dd83b53829d72p-55, -0x1.cbc3743797a9cp-54,
    -0x1.d487b719d8578p-54, 0x1.2ed02d75b3707p-55, -0x1.11ec18beddfe8p-54,
    0x1.c2300696db532p-54, 0x1.2da5778f018c3p-54, -0x1.1a5cd4f184b5cp-54,
    -0x1.7b627817a1496p-54, 0x1.39e8980a9cc8fp-55, 0x1.2d522ca0c8de2p-54,
    -0x1.e9c23179c2893p-54, -0x1.c93f3b411ad8cp-54, 0x1.dc7f486a4b6bp-54,
    0x1.3a1a5bf0d8e43p-54, 0x1.9d3e12dd8a18bp-54, -0x1.dbb12d006350ap-54,
    0x1.74853f3a5931ep-55, 0x1.2eb74966579e7p-57,
  };

  /** x ** y for finite x > 0, x != 1, finite y != 0; +inf when the result overflows. */
  static double pow(double x, double y) {
    // Exact-in-one-rounding cases, and the commonest exponents.
    if (y == 1.0) {
      return x;
    }
    if (y == 2.0) {
      return x * x;
    }
    if (y == -1.0) {
      return 1.0 / x;
    }
    if (y == 0.5) {
      return Math.sqrt(x);
    }

    // ---------------------------------------------------------------- log x as (lh, ll)
    long bits = Double.doubleToRawLongBits(x);
    int k = 0;
    if ((bits >>> 52) == 0) {
      // Subnormal: scale into the normal range first.
      x *= 0x1p54;
      bits = Double.doubleToRawLongBits(x);
      k = -54;
    }
    k += (int) (bits >>> 52) - 1023;
    double m = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
    if (m >= 1.5) {
      m *= 0.5;
      k++;
    }
    int i = (int) Math.rint((m - 0.75) * 128);
    double rc = RECIP[i];
    // t = m * rc - 1 exactly, as th + tl (p is within [0.5, 2], so p - 1 is exact).
    double p = m * rc;
    double pe = Math.fma(m, rc, -p);
    double p1 = p - 1.0;
    double th = p1 + pe;
    double tl = twoSumErr(p1, pe, th);
    // s = t / (2 + t) in double-double.
    double dh = 2.0 + th;
    double dl = tl + (th - (dh - 2.0));
    double q1 = th / dh;
    double ph = q1 * dh;
    double pl = Math.fma(q1, dh, -ph);
    double q2 = ((th - ph) - pl + tl - q1 * dl) / dh;
    double sh = q1 + q2;
    double sl = q2 - (sh - q1);
    // log1p(t) = 2s + (2/3)s^3 + (2/5)s^5 + ...; |s| < 2**-8.5, so from s^5 on plain doubles do.
    double s2h = sh * sh;
    double s2l = Math.fma(sh, sh, -s2h) + 2 * sh * sl;
    double s3h = s2h * sh;
    double s3l = Math.fma(s2h, sh, -s3h) + s2h * sl + s2l * sh;
    double c3h = s3h * TWO_THIRDS_HI;
    double c3l = Math.fma(s3h, TWO_THIRDS_HI, -c3h) + s3h * TWO_THIRDS_LO + s3l * TWO_THIRDS_HI;
    double tail = s3h * s2h * (2.0 / 5 + s2h * (2.0 / 7 + s2h * (2.0 / 9 + s2h * (2.0 / 11))));
    // (ah, al) = 2s + c3 + tail
    double ah = 2 * sh;
    double al = 2 * sl;
    double u = ah + c3h;
    double e = twoSumErr(ah, c3h, u) + al + c3l + tail;
    ah = u + e;
    al = e - (ah - u);
    // + table log, + k ln2
    u = ah + LOG_HI[i];
    e = twoSumErr(ah, LOG_HI[i], u) + al + LOG_LO[i];
    ah = u + e;
    al = e - (ah - u);
    if (k != 0) {
      double kh = k * LN2_HI;
      u = ah + kh;
      e = twoSumErr(ah, kh, u) + al + k * LN2_LO;
      ah = u + e;
      al = e - (ah - u);
    }

    // ---------------------------------------------------------------- z = y * log x
    double zh = y * ah;
    // Decided before the low part is formed: y * ah may itself have overflowed.
    if (zh > 710) {
      return Double.POSITIVE_INFINITY;
    }
    if (zh < -746) {
      return 0.0;
    }
    double zl = Math.fma(y, ah, -zh) + y * al;
    u = zh + zl;
    zl = zl - (u - zh);
    zh = u;

    // ---------------------------------------------------------------- exp z
    double nf = Math.rint(zh * INV_L);
    int n = (int) nf;
    int j = n & 127;
    int scale = n >> 7;
    double rh = zh - nf * L1;
    double p2 = nf * L2;
    double p2e = Math.fma(nf, L2, -p2);
    double r1 = rh - p2;
    double rl = twoSumErr(rh, -p2, r1) + zl - p2e - nf * L3;
    rh = r1 + rl;
    rl = rl - (rh - r1);
    // exp(r) = 1 + r + r^2/2 + r^3 (1/6 + r/24 + ...), |r| < 2**-8.4.
    double r2h = rh * rh;
    double r2l = Math.fma(rh, rh, -r2h) + 2 * rh * rl;
    double poly = rh * r2h * (1.0 / 6 + rh * (1.0 / 24 + rh * (1.0 / 120
        + rh * (1.0 / 720 + rh * (1.0 / 5040)))));
    u = 1.0 + rh;
    e = twoSumErr(1.0, rh, u) + rl;
    double v = u + 0.5 * r2h;
    e += twoSumErr(u, 0.5 * r2h, v) + 0.5 * r2l + poly;
    double eh = v + e;
    double el = e - (eh - v);
    // times 2**(j/128)
    double th2 = EXP_HI[j];
    double mh = th2 * eh;
    double ml = Math.fma(th2, eh, -mh) + th2 * el + EXP_LO[j] * eh;
    if (scale > -1022) {
      return Math.scalb(mh + ml, scale);
    }
    return subnormal(mh, ml, scale);
  }

  /** The error of the rounded sum s = fl(a + b) (Knuth's TwoSum). */
  private static double twoSumErr(double a, double b, double s) {
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
  }

  /** (mh + ml) * 2**scale rounded once, half to even, to a multiple of 2**-1074. */
  private static double subnormal(double mh, double ml, int scale) {
    int shift = scale + 1074;
    if (shift < -1) {
      return 0.0;
    }
    double hs = Math.scalb(mh, shift);
    double ls = Math.scalb(ml, shift);
    double n = Math.rint(hs);
    double frac = (hs - n) + ls;
    if (frac > 0.5 || frac == 0.5 && Math.rint(n / 2) * 2 != n) {
      n += 1;
    } else if (frac < -0.5 || frac == -0.5 && Math.rint(n / 2) * 2 != n) {
      n -= 1;
    }
    return Math.scalb(n, -1074);
  }
}
