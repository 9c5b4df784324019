package org.stitchjit.backend.copypatch.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RelocationTypeTest {

  @Test
  void x86_64CodesMatchThePsAbi() {
    assertThat(X86_64Relocation.R_X86_64_64.code()).isEqualTo(1);
    assertThat(X86_64Relocation.R_X86_64_PC32.code()).isEqualTo(2);
    assertThat(X86_64Relocation.R_X86_64_PLT32.code()).isEqualTo(4);
    assertThat(X86_64Relocation.R_X86_64_GOTPCREL.code()).isEqualTo(9);
    assertThat(X86_64Relocation.R_X86_64_32.code()).isEqualTo(10);
    assertThat(X86_64Relocation.R_X86_64_32S.code()).isEqualTo(11);
    assertThat(X86_64Relocation.R_X86_64_PC64.code()).isEqualTo(24);
    assertThat(X86_64Relocation.R_X86_64_GOTPCRELX.code()).isEqualTo(41);
    assertThat(X86_64Relocation.R_X86_64_REX_GOTPCRELX.code()).isEqualTo(42);
  }

  @Test
  void aarch64CodesMatchTheAbi() {
    assertThat(AArch64Relocation.R_AARCH64_ABS64.code()).isEqualTo(257);
    assertThat(AArch64Relocation.R_AARCH64_MOVW_UABS_G0_NC.code()).isEqualTo(264);
    assertThat(AArch64Relocation.R_AARCH64_MOVW_UABS_G1_NC.code()).isEqualTo(266);
    assertThat(AArch64Relocation.R_AARCH64_MOVW_UABS_G2_NC.code()).isEqualTo(268);
    assertThat(AArch64Relocation.R_AARCH64_MOVW_UABS_G3.code()).isEqualTo(269);
    assertThat(AArch64Relocation.R_AARCH64_ADR_PREL_PG_HI21.code()).isEqualTo(275);
    assertThat(AArch64Relocation.R_AARCH64_ADD_ABS_LO12_NC.code()).isEqualTo(277);
    assertThat(AArch64Relocation.R_AARCH64_JUMP26.code()).isEqualTo(282);
    assertThat(AArch64Relocation.R_AARCH64_CALL26.code()).isEqualTo(283);
    assertThat(AArch64Relocation.R_AARCH64_LDST64_ABS_LO12_NC.code()).isEqualTo(286);
    assertThat(AArch64Relocation.R_AARCH64_ADR_GOT_PAGE.code()).isEqualTo(311);
    assertThat(AArch64Relocation.R_AARCH64_LD64_GOT_LO12_NC.code()).isEqualTo(312);
  }

  @Test
  void everyTypeIsFoundByItsCodeThroughItsMachine() {
    for (RelocationType type : X86_64Relocation.values()) {
      assertThat(Machine.X86_64.relocationType(type.code())).isSameAs(type);
      assertThat(type.machine()).isEqualTo(Machine.X86_64);
    }
    for (RelocationType type : AArch64Relocation.values()) {
      assertThat(Machine.AARCH64.relocationType(type.code())).isSameAs(type);
      assertThat(type.machine()).isEqualTo(Machine.AARCH64);
    }
  }

  @Test
  void codesAreUnique() {
    assertThat(Arrays.stream(X86_64Relocation.values()).map(RelocationType::code))
        .doesNotHaveDuplicates();
    assertThat(Arrays.stream(AArch64Relocation.values()).map(RelocationType::code))
        .doesNotHaveDuplicates();
  }

  @Test
  void rejectsCodesItDoesNotKnow() {
    assertThatThrownBy(() -> Machine.X86_64.relocationType(43))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage("unknown x86-64 relocation type 43");
    assertThatThrownBy(() -> Machine.X86_64.relocationType(-1))
        .hasMessage("unknown x86-64 relocation type -1");
    // 281 is unassigned; 1024 (R_AARCH64_COPY) is a dynamic type, never in an object file.
    assertThatThrownBy(() -> Machine.AARCH64.relocationType(281))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage("unknown AArch64 relocation type 281");
    assertThatThrownBy(() -> Machine.AARCH64.relocationType(1024))
        .hasMessage("unknown AArch64 relocation type 1024");
    // An x86-64 code is not an AArch64 one.
    assertThatThrownBy(() -> Machine.AARCH64.relocationType(1))
        .hasMessage("unknown AArch64 relocation type 1");
  }
}
